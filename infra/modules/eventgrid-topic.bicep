// An Event Grid system topic on a Key Vault or App Configuration store, with a system-assigned identity that
// delivers to the rotation queue (roles-storage.bicep grants it what it needs).

@description('Topic name.')
param name string

@description('Azure region of the source.')
param location string

@description('Tags for the topic.')
param tags object

@description('ARM id of the vault or store.')
param sourceId string

@description('Microsoft.KeyVault.vaults or Microsoft.AppConfiguration.ConfigurationStores.')
@allowed([
  'Microsoft.KeyVault.vaults'
  'Microsoft.AppConfiguration.ConfigurationStores'
])
param topicType string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: sourceId
    topicType: topicType
  }
}

output name string = topic.name
output principalId string = topic.identity.principalId
