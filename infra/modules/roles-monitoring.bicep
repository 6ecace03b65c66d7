// Application Insights accepts only Entra ID-authenticated telemetry; each app may publish to it and read nothing.

@description('The Application Insights component.')
param insightsName string

@description('Identities of the apps.')
param principalIds array

var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource publishers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in principalIds: {
    scope: insights
    name: guid(insights.id, principalId, monitoringMetricsPublisher)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    }
  }
]
