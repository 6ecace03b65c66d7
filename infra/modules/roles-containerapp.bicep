// Container Apps Contributor on one Container App, for the rotation responder: it reads revisions, restarts one, or
// writes the app to start a new revision. Deployed at the app's own resource group, so consumers elsewhere work too.

@description('Name of the Container App in this resource group.')
param containerAppName string

@description('The rotation responder app\'s identity.')
param responderPrincipalId string

var containerAppsContributor = '358470bc-b998-42bd-ab17-a7e34c199c0f'

resource app 'Microsoft.App/containerApps@2026-01-01' existing = {
  name: containerAppName
}

resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: app
  name: guid(app.id, responderPrincipalId, containerAppsContributor)
  properties: {
    principalId: responderPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', containerAppsContributor)
  }
}
