// An example diagnostic setting that streams an existing Front Door (or Azure CDN) profile's access logs, or an
// existing storage account's blob read logs, into the request-log hub. Deployed at the source's resource group.

@description('''
Name of an existing Front Door Standard/Premium or Azure CDN profile in this resource group; empty for none.''')
param frontDoorProfileName string

@description('The access-log category: FrontDoorAccessLog (Front Door Standard/Premium) or AzureCdnAccessLog (CDN).')
param frontDoorLogCategory string

@description('Name of an existing storage account (the podcast files) in this resource group; empty for none.')
param storageAccountName string

@description('The namespace authorization rule Azure Monitor sends with.')
param eventHubAuthorizationRuleId string

@description('The request-log hub.')
param eventHubName string

resource profile 'Microsoft.Cdn/profiles@2026-07-01' existing = if (!empty(frontDoorProfileName)) {
  name: frontDoorProfileName
}

resource frontDoorLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (!empty(frontDoorProfileName)) {
  scope: profile
  name: 'to-odl-request-logs'
  properties: {
    eventHubAuthorizationRuleId: eventHubAuthorizationRuleId
    eventHubName: eventHubName
    logs: [
      {
        category: frontDoorLogCategory
        enabled: true
      }
    ]
  }
}

resource podcastStorage 'Microsoft.Storage/storageAccounts@2026-04-01' existing = if (!empty(storageAccountName)) {
  name: storageAccountName
}

resource podcastBlobs 'Microsoft.Storage/storageAccounts/blobServices@2026-04-01' existing = if (!empty(
  storageAccountName
)) {
  parent: podcastStorage
  name: 'default'
}

resource storageLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = if (!empty(storageAccountName)) {
  scope: podcastBlobs
  name: 'to-odl-request-logs'
  properties: {
    eventHubAuthorizationRuleId: eventHubAuthorizationRuleId
    eventHubName: eventHubName
    logs: [
      {
        category: 'StorageRead'
        enabled: true
      }
    ]
  }
}
