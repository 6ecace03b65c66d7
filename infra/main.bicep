// The app's storage account. The rest of the infrastructure (Functions app, Event Hubs, identities, roles) comes later.

@description('Start of every resource name: 3 to 11 lower-case letters or digits, since storage account names allow no others.')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('Azure region for every resource; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Blob containers the app reads and writes: datacenter lists, download logs, reference data.')
var containerNames = [
  'datacenters'
  'downloads'
  'reference'
]

// 11 characters of prefix and 13 of hash stay within the 24 a storage account name allows.
var storageAccountName = '${namePrefix}${uniqueString(resourceGroup().id)}'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // Entra ID only: no account keys or SAS tokens signed with them, so there is no key to leak or rotate.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2024-01-01' = [
  for containerName in containerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

output storageAccountName string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
