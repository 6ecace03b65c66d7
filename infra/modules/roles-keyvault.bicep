// Each app may read only the secrets its own settings reference (roles scoped to the secret, not the vault). The
// optional operator may set secrets, which is how a salt is rotated by hand.

@description('The vault.')
param vaultName string

@description('The counter app\'s identity.')
param counterPrincipalId string

@description('The rotation responder app\'s identity.')
param rotationPrincipalId string

@description('The salt secret, which the counter reads.')
param ipHashSaltName string

@description('The responder\'s secrets that exist (alert webhook URL, webhook key).')
param rotationSecretNames array

@description('A user or group that may set and read secrets (Key Vault Secrets Officer); empty for none.')
param operatorPrincipalId string

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' existing = {
  name: vaultName
}

resource salt 'Microsoft.KeyVault/vaults/secrets@2026-02-01' existing = {
  parent: vault
  name: ipHashSaltName
}

resource rotationSecrets 'Microsoft.KeyVault/vaults/secrets@2026-02-01' existing = [
  for secretName in rotationSecretNames: {
    parent: vault
    name: secretName
  }
]

resource counterReadsSalt 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: salt
  name: guid(salt.id, counterPrincipalId, secretsUser)
  properties: {
    principalId: counterPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

resource rotationReadsItsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (secretName, i) in rotationSecretNames: {
    scope: rotationSecrets[i]
    name: guid(rotationSecrets[i].id, rotationPrincipalId, secretsUser)
    properties: {
      principalId: rotationPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
    }
  }
]

resource operator 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorPrincipalId)) {
  scope: vault
  name: guid(vault.id, operatorPrincipalId, secretsOfficer)
  properties: {
    principalId: operatorPrincipalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
  }
}
