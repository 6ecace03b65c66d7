// The one storage account: blobs for the datacenter and user-agent lists, the day files and the app packages; queues
// for rotation events; tables for the counter's and the responder's state. Entra ID only: no account key is used.

@description('Storage account name: 3 to 24 lower-case letters or digits.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Blob containers to create: the app\'s lists and outputs, one package container per app, dead letters.')
param containerNames array

@description('Queues to create: rotation events and actions, and their poison queues.')
param queueNames array

@description('Tables to create: the stream path\'s state and the responder\'s ledger.')
param tableNames array

resource storage 'Microsoft.Storage/storageAccounts@2026-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Entra ID only: no account keys or SAS tokens signed with them, so there is no key to leak or rotate. The apps,
    // the Functions host and Event Grid all reach the account with managed identities.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-04-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-04-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-04-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-04-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-04-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-04-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
