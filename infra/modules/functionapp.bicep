// One Function App on its own Flex Consumption plan (Flex allows one app per plan), .NET 10 isolated, with a
// system-assigned identity that reads its package from a blob container. App settings are applied later by
// functionapp-settings.bicep, once the identity holds its roles, so no Key Vault reference is resolved before the app
// may read the secret.

@description('App name; also the start of its host name.')
param name string

@description('Azure region.')
param location string

@description('Tags for the plan and the app.')
param tags object

@description('''
The azd service (azure.yaml) deployed to this app. Only the site carries the azd-service-name tag: azd refuses a
service whose tag is on more than one resource.''')
param serviceName string

@description('Blob endpoint of the storage account, ending in a slash.')
param blobEndpoint string

@description('The container the deployment package is uploaded to.')
param packageContainerName string

@description('Most instances the plan may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${packageContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Basic-auth publishing (FTP and the SCM site's user name and password) is off: deployments use Entra ID.
resource ftp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output id string = site.id
output name string = site.name
output principalId string = site.identity.principalId
output hostName string = site.properties.defaultHostName
