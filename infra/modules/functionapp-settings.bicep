// The app settings of one Function App, applied after its role assignments (the caller orders that). The whole set is
// replaced on every deployment: settings changed by hand in the portal do not survive a redeploy.

@description('Name of the existing Function App.')
param siteName string

@description('Every app setting, by name. Values are plain settings or Key Vault references, never keys.')
param settings object

resource site 'Microsoft.Web/sites@2025-03-01' existing = {
  name: siteName
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: settings
}
