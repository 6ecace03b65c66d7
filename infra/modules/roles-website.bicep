// Website Contributor on one App Service or Function App, for the rotation responder: it refreshes the app's Key
// Vault references and restarts it. Deployed at the app's own resource group, so consumers elsewhere work too.

@description('Name of the app in this resource group.')
param siteName string

@description('The rotation responder app\'s identity.')
param responderPrincipalId string

// Website Contributor: the built-in role that holds sites/restart, slots/restart and the configuration-reference
// refresh, whose exact action name is not published, so a custom role could not be written with confidence.
var websiteContributor = 'de139f84-1756-47ae-9be6-808fbbe84772'

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: siteName
}

resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: site
  name: guid(site.id, responderPrincipalId, websiteContributor)
  properties: {
    principalId: responderPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', websiteContributor)
  }
}
