// OpenDownloads for Azure: the whole deployment in one resource group. Two Function Apps run the same package: the
// counter (CountDownloads, CloseDownloadDays, RebuildDatacenterList, RefreshUserAgentList) and the rotation
// responder (RestartOnSecretRotation, RunRotationAction, RotationWebhook). They are separate because the responder
// never restarts the app it runs in, and the counter must be refreshed when its salt rotates.
// Every connection is identity-based; no key or connection string is read, written or output.

@description('''
Start of every resource name: 3 to 11 letters or digits, starting with a letter (storage and Key Vault names allow no
more). It is lower-cased; a leading digit fails at the Key Vault, whose name must start with a letter.''')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('Azure region for every resource; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('The azd environment name, kept as a tag; empty outside azd.')
param environmentName string = ''

@description('''
A user or group given Key Vault Secrets Officer on the vault, to set or rotate secrets by hand (azd passes the
signed-in user); empty for none.''')
param operatorPrincipalId string = ''

@description('The request-log event hub.')
param eventHubName string = 'request-logs'

@description('The counter\'s consumer group on that hub.')
param eventHubConsumerGroup string = 'odl-counter'

@description('Partitions of the request-log hub (1 to 32): the most counter instances that read at once.')
@minValue(1)
@maxValue(32)
param eventHubPartitionCount int = 4

@description('Hours the hub keeps events (1 to 168): how long the counter may be stopped without losing requests.')
@minValue(1)
@maxValue(168)
param eventHubRetentionHours int = 24

@description('Event Hubs throughput units (Standard tier).')
@minValue(1)
@maxValue(40)
param eventHubCapacity int = 1

@description('''
Turns off shared access keys on the Event Hubs namespace. Leave false while an Azure Monitor diagnostic setting
streams into the hub.''')
param eventHubDisableLocalAuth bool = false

@description('Days the Log Analytics workspace keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Most instances of the counter app.')
@minValue(1)
@maxValue(1000)
param counterMaximumInstanceCount int = 40

@description('Most instances of the rotation responder app.')
@minValue(1)
@maxValue(1000)
param rotationMaximumInstanceCount int = 10

@description('Memory of each Function App instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('NCRONTAB schedule of RebuildDatacenterList and RefreshUserAgentList (UTC).')
param datacentersRebuildSchedule string = '0 15 3 * * *'

@description('Seconds after 00:00 UTC at which each counting day starts (oDL\'s offset).')
param countOffsetSeconds int = 0

@description('odl count --map rules for the stream path, comma-separated; empty for none.')
param countFieldMappings string = ''

@description('''
The Azure service tags file's URL for the datacenter rebuild; empty to discover it on Microsoft's download page.''')
param azureServiceTagsUrl string = ''

@description('''
Writes ipHashSalt into the vault as a new version of the salt secret. Each write rotates the salt: the counter opens
its next day with it. Set false to keep the vault's salt on a redeploy.''')
param writeIpHashSalt bool = true

@secure()
@description('The IP-hashing salt (16 characters or more). The default is a new random GUID on each deployment.')
param ipHashSalt string = newGuid()

@secure()
@description('''
Teams or Slack incoming-webhook URL for the responder's alerts, stored in the vault; empty writes nothing (see
alertWebhookInVault).''')
param alertWebhookUrl string = ''

@description('''
The alert webhook secret is already in the vault (an earlier deployment or a hand wrote it): the responder keeps
referencing it when alertWebhookUrl is not given again. App settings are replaced whole on every deployment.''')
param alertWebhookInVault bool = false

@secure()
@description('''
Shared key of the responder's HTTP webhook, stored in the vault; empty writes nothing, and without a secret
(see webhookKeyInVault) the webhook refuses every request (the queue path needs none).''')
param rotationWebhookKey string = ''

@description('''
The webhook key secret is already in the vault: the responder keeps referencing it when rotationWebhookKey is not
given again.''')
param webhookKeyInVault bool = false

@description('Turns on Key Vault purge protection, which cannot be turned off again.')
param keyVaultPurgeProtection bool = false

@description('Deploys an App Configuration store whose key-value changes also reach the responder.')
param deployAppConfiguration bool = false

@description('SKU of that store: free (one per subscription), developer or standard.')
@allowed([
  'free'
  'developer'
  'standard'
])
param appConfigurationSku string = 'free'

@description('''
Other apps the responder refreshes when their secrets in this vault or their keys in this template's App
Configuration store change: [{name, resourceId, action, secrets: [secret names], keys: [{key, label}]}]. An App
Service or Function App (or a slot) gets the responder Website Contributor on the app, a Container App Container
Apps Contributor; nothing else is granted. A key without label matches any label, label '' the unlabelled one.''')
param rotationConsumers array = []

@description('''
Resource id of an existing Front Door Standard/Premium or Azure CDN profile whose access logs are streamed into the
hub; empty for none.''')
param frontDoorProfileId string = ''

@description('FrontDoorAccessLog (Front Door Standard/Premium) or AzureCdnAccessLog (Azure CDN).')
@allowed([
  'FrontDoorAccessLog'
  'AzureCdnAccessLog'
])
param frontDoorLogCategory string = 'FrontDoorAccessLog'

@description('''
Resource id of an existing storage account (the podcast files) whose blob reads are streamed into the hub; empty for
none.''')
param podcastStorageAccountId string = ''

@description('More app settings for the counter, by name; they win over the template\'s.')
param counterExtraSettings object = {}

@description('More app settings for the rotation responder, by name; they win over the template\'s.')
param rotationExtraSettings object = {}

var prefix = toLower(namePrefix)
var token = uniqueString(resourceGroup().id)
var baseName = '${prefix}-${token}'
var tags = empty(environmentName) ? {} : { 'azd-env-name': environmentName }
var counterName = '${baseName}-counter'
var rotationName = '${baseName}-rotation'
var counterId = resourceId('Microsoft.Web/sites', counterName)
var rotationId = resourceId('Microsoft.Web/sites', rotationName)

var ipHashSaltName = 'odl-ip-hash-salt'
var alertWebhookName = 'odl-rotation-alert-webhook'
var webhookKeyName = 'odl-rotation-webhook-key'
// A secret exists when this deployment writes it or a flag says an earlier one did; only then is it referenced.
var hasAlertWebhook = !empty(alertWebhookUrl) || alertWebhookInVault
var hasWebhookKey = !empty(rotationWebhookKey) || webhookKeyInVault
var rotationSecretNames = concat(hasAlertWebhook ? [alertWebhookName] : [], hasWebhookKey ? [webhookKeyName] : [])
var appConfigurationName = '${baseName}-appcs'

// Container Apps consumers need another role than App Service and Function Apps (and their slots).
var containerAppConsumers = filter(
  rotationConsumers,
  consumer => contains(toLower(consumer.resourceId), '/providers/microsoft.app/containerapps/')
)
var siteConsumers = filter(
  rotationConsumers,
  consumer => !contains(toLower(consumer.resourceId), '/providers/microsoft.app/containerapps/')
)

var eventsQueueName = 'rotation-events'
var deadLetterContainerName = 'rotation-deadletter'
var counterPackageContainer = 'app-package-counter'
var rotationPackageContainer = 'app-package-rotation'

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: '${prefix}${token}'
    location: location
    tags: tags
    // The Functions host's own containers exist up front, so the responder's blob role can be scoped to them.
    containerNames: [
      'azure-webjobs-hosts'
      'azure-webjobs-secrets'
      'datacenters'
      'downloads'
      'reference'
      counterPackageContainer
      rotationPackageContainer
      deadLetterContainerName
    ]
    queueNames: [
      eventsQueueName
      '${eventsQueueName}-poison'
      'rotation-actions'
      'rotation-actions-poison'
    ]
    tableNames: [
      'odlstreaming'
      'rotation'
    ]
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    baseName: baseName
    location: location
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module eventHubs 'modules/eventhubs.bicep' = {
  name: 'eventhubs'
  params: {
    namespaceName: '${baseName}-eh'
    location: location
    tags: tags
    hubName: eventHubName
    consumerGroupName: eventHubConsumerGroup
    partitionCount: eventHubPartitionCount
    retentionHours: eventHubRetentionHours
    capacity: eventHubCapacity
    disableLocalAuth: eventHubDisableLocalAuth
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('${prefix}-kv-${token}', 24)
    location: location
    tags: tags
    purgeProtection: keyVaultPurgeProtection
    writeIpHashSalt: writeIpHashSalt
    ipHashSaltName: ipHashSaltName
    ipHashSalt: ipHashSalt
    alertWebhookName: alertWebhookName
    alertWebhookUrl: alertWebhookUrl
    webhookKeyName: webhookKeyName
    webhookKey: rotationWebhookKey
  }
}

module appConfiguration 'modules/appconfiguration.bicep' = if (deployAppConfiguration) {
  name: 'appconfiguration'
  params: {
    name: appConfigurationName
    location: location
    tags: tags
    sku: appConfigurationSku
  }
}

module counter 'modules/functionapp.bicep' = {
  name: 'counter'
  params: {
    name: counterName
    location: location
    tags: tags
    serviceName: 'counter'
    blobEndpoint: storage.outputs.blobEndpoint
    packageContainerName: counterPackageContainer
    maximumInstanceCount: counterMaximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module rotation 'modules/functionapp.bicep' = {
  name: 'rotation'
  params: {
    name: rotationName
    location: location
    tags: tags
    serviceName: 'rotation'
    blobEndpoint: storage.outputs.blobEndpoint
    packageContainerName: rotationPackageContainer
    maximumInstanceCount: rotationMaximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
}

module keyVaultTopic 'modules/eventgrid-topic.bicep' = {
  name: 'eventgrid-keyvault-topic'
  params: {
    name: '${baseName}-kv-events'
    location: location
    tags: tags
    sourceId: keyVault.outputs.id
    topicType: 'Microsoft.KeyVault.vaults'
  }
}

module appConfigurationTopic 'modules/eventgrid-topic.bicep' = if (deployAppConfiguration) {
  name: 'eventgrid-appconfiguration-topic'
  params: {
    name: '${baseName}-appcs-events'
    location: location
    tags: tags
    sourceId: appConfiguration!.outputs.id
    topicType: 'Microsoft.AppConfiguration.ConfigurationStores'
  }
}

module storageRoles 'modules/roles-storage.bicep' = {
  name: 'roles-storage'
  params: {
    storageName: storage.outputs.name
    counterPrincipalId: counter.outputs.principalId
    rotationPrincipalId: rotation.outputs.principalId
    eventGridPrincipalIds: concat(
      [keyVaultTopic.outputs.principalId],
      deployAppConfiguration ? [appConfigurationTopic!.outputs.principalId] : []
    )
    eventsQueueName: eventsQueueName
    deadLetterContainerName: deadLetterContainerName
    rotationPackageContainerName: rotationPackageContainer
  }
}

module eventHubRoles 'modules/roles-eventhubs.bicep' = {
  name: 'roles-eventhubs'
  params: {
    namespaceName: eventHubs.outputs.namespaceName
    hubName: eventHubs.outputs.hubName
    counterPrincipalId: counter.outputs.principalId
  }
}

module keyVaultRoles 'modules/roles-keyvault.bicep' = {
  name: 'roles-keyvault'
  params: {
    vaultName: keyVault.outputs.name
    counterPrincipalId: counter.outputs.principalId
    rotationPrincipalId: rotation.outputs.principalId
    ipHashSaltName: ipHashSaltName
    rotationSecretNames: rotationSecretNames
    operatorPrincipalId: operatorPrincipalId
  }
}

module monitoringRoles 'modules/roles-monitoring.bicep' = {
  name: 'roles-monitoring'
  params: {
    insightsName: monitoring.outputs.insightsName
    principalIds: [
      counter.outputs.principalId
      rotation.outputs.principalId
    ]
  }
}

// The responder may refresh and restart the counter, and the consumers passed in, and no other app.
module counterRestartRole 'modules/roles-website.bicep' = {
  name: 'roles-website-counter'
  params: {
    siteName: counter.outputs.name
    responderPrincipalId: rotation.outputs.principalId
  }
}

module consumerRestartRoles 'modules/roles-website.bicep' = [
  for (consumer, i) in siteConsumers: {
    name: 'roles-website-consumer-${i}'
    scope: resourceGroup(split(consumer.resourceId, '/')[2], split(consumer.resourceId, '/')[4])
    params: {
      siteName: split(consumer.resourceId, '/')[8]
      responderPrincipalId: rotation.outputs.principalId
    }
  }
]

module containerAppConsumerRoles 'modules/roles-containerapp.bicep' = [
  for (consumer, i) in containerAppConsumers: {
    name: 'roles-containerapp-consumer-${i}'
    scope: resourceGroup(split(consumer.resourceId, '/')[2], split(consumer.resourceId, '/')[4])
    params: {
      containerAppName: split(consumer.resourceId, '/')[8]
      responderPrincipalId: rotation.outputs.principalId
    }
  }
]

module keyVaultSubscription 'modules/eventgrid-subscription.bicep' = {
  name: 'eventgrid-keyvault-subscription'
  dependsOn: [
    storageRoles
  ]
  params: {
    topicName: keyVaultTopic.outputs.name
    name: 'rotation-events'
    includedEventTypes: [
      'Microsoft.KeyVault.SecretNewVersionCreated'
      'Microsoft.KeyVault.SecretNearExpiry'
      'Microsoft.KeyVault.SecretExpired'
    ]
    storageId: storage.outputs.id
    queueName: eventsQueueName
    deadLetterContainerName: deadLetterContainerName
  }
}

module appConfigurationSubscription 'modules/eventgrid-subscription.bicep' = if (deployAppConfiguration) {
  name: 'eventgrid-appconfiguration-subscription'
  dependsOn: [
    storageRoles
  ]
  params: {
    topicName: appConfigurationTopic!.outputs.name
    name: 'rotation-events'
    includedEventTypes: [
      'Microsoft.AppConfiguration.KeyValueModified'
      'Microsoft.AppConfiguration.KeyValueDeleted'
    ]
    storageId: storage.outputs.id
    queueName: eventsQueueName
    deadLetterContainerName: deadLetterContainerName
  }
}

// ARM may evaluate the scope of a module whose condition is false, so an empty id must not be split and indexed.
module frontDoorDiagnostics 'modules/diagnostics-to-hub.bicep' = if (!empty(frontDoorProfileId)) {
  name: 'diagnostics-front-door'
  scope: resourceGroup(
    empty(frontDoorProfileId) ? subscription().subscriptionId : split(frontDoorProfileId, '/')[2],
    empty(frontDoorProfileId) ? resourceGroup().name : split(frontDoorProfileId, '/')[4]
  )
  params: {
    frontDoorProfileName: last(split(frontDoorProfileId, '/'))
    frontDoorLogCategory: frontDoorLogCategory
    storageAccountName: ''
    eventHubAuthorizationRuleId: eventHubs.outputs.diagnosticsRuleId
    eventHubName: eventHubs.outputs.hubName
  }
}

module podcastStorageDiagnostics 'modules/diagnostics-to-hub.bicep' = if (!empty(podcastStorageAccountId)) {
  name: 'diagnostics-podcast-storage'
  scope: resourceGroup(
    empty(podcastStorageAccountId) ? subscription().subscriptionId : split(podcastStorageAccountId, '/')[2],
    empty(podcastStorageAccountId) ? resourceGroup().name : split(podcastStorageAccountId, '/')[4]
  )
  params: {
    frontDoorProfileName: ''
    frontDoorLogCategory: frontDoorLogCategory
    storageAccountName: last(split(podcastStorageAccountId, '/'))
    eventHubAuthorizationRuleId: eventHubs.outputs.diagnosticsRuleId
    eventHubName: eventHubs.outputs.hubName
  }
}

module settings 'modules/app-settings.bicep' = {
  name: 'app-settings'
  params: {
    storageAccountName: storage.outputs.name
    insightsName: monitoring.outputs.insightsName
    vaultName: keyVault.outputs.name
    vaultUri: keyVault.outputs.uri
    eventHubsNamespace: eventHubs.outputs.fullyQualifiedNamespace
    eventHubName: eventHubs.outputs.hubName
    eventHubConsumerGroup: eventHubs.outputs.consumerGroupName
    datacentersRebuildSchedule: datacentersRebuildSchedule
    countOffsetSeconds: countOffsetSeconds
    countFieldMappings: countFieldMappings
    azureServiceTagsUrl: azureServiceTagsUrl
    ipHashSaltName: ipHashSaltName
    alertWebhookName: hasAlertWebhook ? alertWebhookName : ''
    webhookKeyName: hasWebhookKey ? webhookKeyName : ''
    appConfigurationName: deployAppConfiguration ? appConfigurationName : ''
    counterId: counterId
    rotationId: rotationId
    rotationConsumers: rotationConsumers
  }
}

module counterSettings 'modules/functionapp-settings.bicep' = {
  name: 'counter-settings'
  dependsOn: [
    storageRoles
    eventHubRoles
    keyVaultRoles
    monitoringRoles
  ]
  params: {
    siteName: counter.outputs.name
    settings: union(settings.outputs.counter, counterExtraSettings)
  }
}

module rotationSettings 'modules/functionapp-settings.bicep' = {
  name: 'rotation-settings'
  dependsOn: [
    storageRoles
    keyVaultRoles
    monitoringRoles
    counterRestartRole
    consumerRestartRoles
    containerAppConsumerRoles
  ]
  params: {
    siteName: rotation.outputs.name
    settings: union(settings.outputs.rotation, rotationExtraSettings)
  }
}

output AZURE_LOCATION string = location
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output KEY_VAULT_NAME string = keyVault.outputs.name
output EVENT_HUBS_NAMESPACE string = eventHubs.outputs.fullyQualifiedNamespace
output EVENT_HUB_NAME string = eventHubs.outputs.hubName
output COUNTER_APP_NAME string = counter.outputs.name
output ROTATION_APP_NAME string = rotation.outputs.name
output ROTATION_WEBHOOK_URL string = 'https://${rotation.outputs.hostName}/api/rotation/events'
output APPLICATION_INSIGHTS_NAME string = monitoring.outputs.insightsName
