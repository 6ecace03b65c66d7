// An optional App Configuration store. Its key-value changes reach the responder through Event Grid like secrets do.

@description('Store name: 5 to 50 letters, digits or hyphens.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('free (one per subscription, no charge), developer or standard.')
@allowed([
  'free'
  'developer'
  'standard'
])
param sku string

resource store 'Microsoft.AppConfiguration/configurationStores@2024-06-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    // Entra ID only: no access keys, so no connection string exists to leak.
    disableLocalAuth: true
  }
}

output id string = store.id
output name string = store.name
