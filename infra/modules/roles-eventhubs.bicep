// The counter may receive from the one hub: not send, not manage, not read other hubs of the namespace.

@description('The Event Hubs namespace.')
param namespaceName string

@description('The request-log hub.')
param hubName string

@description('The counter app\'s identity.')
param counterPrincipalId string

var eventHubsDataReceiver = 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde'

resource namespace 'Microsoft.EventHub/namespaces@2026-01-01' existing = {
  name: namespaceName
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2026-01-01' existing = {
  parent: namespace
  name: hubName
}

resource receiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: hub
  name: guid(hub.id, counterPrincipalId, eventHubsDataReceiver)
  properties: {
    principalId: counterPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', eventHubsDataReceiver)
  }
}
