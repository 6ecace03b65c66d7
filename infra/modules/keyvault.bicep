// The vault of the app's secrets, in RBAC mode: the IP-hashing salt and, when given, the responder's alert webhook URL
// and webhook key. The apps read them through Key Vault references; no secret value is ever an output.

@description('Vault name: 3 to 24 letters, digits or hyphens, starting with a letter.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('''
Turns on purge protection (it cannot be turned off again): a deleted vault or secret is kept for its retention days.''')
param purgeProtection bool

@description('''
Writes the salt below as a new version of the salt secret. Every write is a rotation: the counter opens its next day
with it.''')
param writeIpHashSalt bool

@description('Name of the salt secret.')
param ipHashSaltName string

@secure()
@description('The IP-hashing salt, 16 characters or more.')
param ipHashSalt string

@description('Name of the alert webhook secret.')
param alertWebhookName string

@secure()
@description('Teams or Slack incoming-webhook URL for the responder\'s alerts; empty for none.')
param alertWebhookUrl string

@description('Name of the webhook key secret.')
param webhookKeyName string

@secure()
@description('Shared key of the responder\'s HTTP webhook; empty leaves the webhook refusing every request.')
param webhookKey string

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource salt 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = if (writeIpHashSalt) {
  parent: vault
  name: ipHashSaltName
  properties: {
    value: ipHashSalt
    contentType: 'text/plain; purpose=odl-ip-hash-salt'
  }
}

resource alertWebhook 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = if (!empty(alertWebhookUrl)) {
  parent: vault
  name: alertWebhookName
  properties: {
    value: alertWebhookUrl
    contentType: 'text/uri-list'
  }
}

resource rotationWebhookKey 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = if (!empty(webhookKey)) {
  parent: vault
  name: webhookKeyName
  properties: {
    value: webhookKey
    contentType: 'text/plain'
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
