// The app settings of both apps, for every setting the code reads (see the README's settings tables). Connections
// are identity-based (AzureWebJobsStorage__accountName, CountDownloads__EventHub__fullyQualifiedNamespace); secrets
// are Key Vault references. Nothing is deployed here: main.bicep applies the two objects after the role assignments.

@description('The storage account every connection points at.')
param storageAccountName string

@description('The Application Insights component.')
param insightsName string

@description('The vault of the secrets.')
param vaultName string

@description('The vault\'s URI, ending in a slash.')
param vaultUri string

@description('The Event Hubs namespace\'s host name.')
param eventHubsNamespace string

@description('The request-log hub.')
param eventHubName string

@description('The counter\'s consumer group.')
param eventHubConsumerGroup string

@description('NCRONTAB schedule of the datacenter rebuild and the user-agent list refresh.')
param datacentersRebuildSchedule string

@description('CountDownloads:OffsetSeconds.')
param countOffsetSeconds int

@description('CountDownloads:FieldMappings.')
param countFieldMappings string

@description('Datacenters:AzureServiceTagsUrl; empty leaves it unset, so the file is discovered.')
param azureServiceTagsUrl string

@description('The salt secret.')
param ipHashSaltName string

@description('The alert webhook secret; empty when there is none.')
param alertWebhookName string

@description('The webhook key secret; empty when there is none.')
param webhookKeyName string

@description('ARM id of the counter app.')
param counterId string

@description('ARM id of the rotation responder app.')
param rotationId string

@description('The template\'s App Configuration store, which consumers\' keys are in; empty when none is deployed.')
param appConfigurationName string

@description('Other consumers: [{name, resourceId, action, secrets: [names], keys: [{key, label}]}].')
param rotationConsumers array

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

// Versionless references (trailing slash): App Service reads the newest version on start and on a refresh.
var secrets = '${vaultUri}secrets'
var saltReference = '@Microsoft.KeyVault(SecretUri=${secrets}/${ipHashSaltName}/)'
var opawgList = 'https://raw.githubusercontent.com/opawg/user-agents/master/src/user-agents.json'

// Both apps. The Functions host and the code reach storage with the app's identity; no key exists to put here. The
// Event Hubs names and the schedule are in both so every trigger's %setting% resolves, its function on or off.
var shared = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  DatacentersRebuildSchedule: datacentersRebuildSchedule
  CountDownloads__EventHubName: eventHubName
  CountDownloads__ConsumerGroup: eventHubConsumerGroup
  CountDownloads__EventHub__fullyQualifiedNamespace: eventHubsNamespace
  CountDownloads__EventHub__credential: 'managedidentity'
}

// This connection string holds no key: the component refuses telemetry that is not signed with Entra ID.
var telemetry = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
}

var datacenters = {
  Datacenters__StorageConnection: 'AzureWebJobsStorage'
  Datacenters__Container: 'datacenters'
  Datacenters__RetainVersions: '30'
  Datacenters__BaseList: 'https://raw.githubusercontent.com/growlfm/ipcat/main/datacenters.csv'
  Datacenters__Providers: ''
  Datacenters__AwsServices: 'EC2'
  Datacenters__AzureDownloadPage: 'https://www.microsoft.com/en-us/download/details.aspx?id=56519'
  Datacenters__FeedTimeout: '00:01:00'
  Datacenters__FeedAttempts: '3'
  Datacenters__RetryDelay: '00:00:02'
  Datacenters__MaxShrink: '0.5'
  Datacenters__Force: 'false'
}

// Unset, the rebuild discovers the newest file on the download page; Datacenters__FeedBaseUrl stays unset, so each
// provider's official URL is used.
var serviceTags = empty(azureServiceTagsUrl) ? {} : { Datacenters__AzureServiceTagsUrl: azureServiceTagsUrl }

var counting = {
  CountDownloads__Storage: 'AzureWebJobsStorage'
  CountDownloads__Salt: saltReference
  CountDownloads__OffsetSeconds: string(countOffsetSeconds)
  CountDownloads__Lateness: '02:00:00'
  CountDownloads__CloseGrace: '00:10:00'
  CountDownloads__TableName: 'odlstreaming'
  CountDownloads__OutputContainer: 'downloads'
  CountDownloads__TotalsPrefix: 'totals/'
  CountDownloads__DeadLetterPrefix: 'deadletter/'
  CountDownloads__GroupCacheCapacity: '500000'
  CountDownloads__FieldMappings: countFieldMappings
  CountDownloads__Reference__DatacentersContainer: 'datacenters'
  CountDownloads__Reference__DatacenterBlobs: ''
  CountDownloads__Reference__AgentsContainer: 'reference'
  CountDownloads__Reference__AgentsBlob: 'opawg-user-agents.json'
  CountDownloads__Reference__AgentsSourceUrl: opawgList
  CountDownloads__Reference__RefreshInterval: '00:05:00'
}

// The same package runs in both apps; each app turns off the other's functions.
var counterOnly = {
  'AzureWebJobs.RestartOnSecretRotation.Disabled': 'true'
  'AzureWebJobs.RunRotationAction.Disabled': 'true'
  'AzureWebJobs.RotationWebhook.Disabled': 'true'
}

var rotationOnly = {
  'AzureWebJobs.CountDownloads.Disabled': 'true'
  'AzureWebJobs.CloseDownloadDays.Disabled': 'true'
  'AzureWebJobs.RebuildDatacenterList.Disabled': 'true'
  'AzureWebJobs.RefreshUserAgentList.Disabled': 'true'
}

var responder = {
  Rotation__DryRun: 'false'
  Rotation__DebounceWindow: '00:01:00'
  Rotation__MaxConcurrentActions: '4'
  Rotation__Stagger: '00:00:00'
  Rotation__MaxAttempts: '5'
  Rotation__RetryBackoff: '00:00:30'
  Rotation__ActionLease: '00:10:00'
  Rotation__VerifyAttempts: '6'
  Rotation__VerifyDelay: '00:00:10'
  Rotation__AlertWebhook: empty(alertWebhookName)
    ? ''
    : '@Microsoft.KeyVault(SecretUri=${secrets}/${alertWebhookName}/)'
  Rotation__WebhookKey: empty(webhookKeyName) ? '' : '@Microsoft.KeyVault(SecretUri=${secrets}/${webhookKeyName}/)'
  Rotation__SelfResourceId: rotationId
  Rotation__StorageConnection: 'AzureWebJobsStorage'
  // The cloud's ARM endpoint (https://management.azure.com/ in the public cloud); the token scope is its authority.
  Rotation__Arm__Endpoint: environment().resourceManager
  Rotation__Arm__Credential: 'ManagedIdentity'
  Rotation__Arm__ManagedIdentityClientId: ''
  Rotation__Arm__MaxRetries: '4'
  Rotation__Arm__RetryDelay: '00:00:02'
  Rotation__Arm__MaxRetryDelay: '00:01:00'
  Rotation__Arm__NetworkTimeout: '00:01:40'
}

// Consumer 0 is the counter, which reads the salt; the others come from the rotationConsumers parameter.
var consumers = concat(
  [
    {
      name: 'counter'
      resourceId: counterId
      action: 'RefreshReferences'
      secrets: [
        ipHashSaltName
      ]
    }
  ],
  rotationConsumers
)

// Each consumer's DependsOn lists its secrets first, then its keys: the index of its first key is its secret count.
var firstKey = map(consumers, consumer => length(consumer.?secrets ?? []))

var consumerSettings = reduce(
  range(0, length(consumers)),
  {},
  (all, i) =>
    union(
      all,
      {
        'Rotation__Consumers__${i}__Name': consumers[i].name
        'Rotation__Consumers__${i}__ResourceId': consumers[i].resourceId
        'Rotation__Consumers__${i}__Action': consumers[i].?action ?? 'RefreshReferences'
        'Rotation__Consumers__${i}__Enabled': 'true'
      },
      reduce(
        range(0, firstKey[i]),
        {},
        (dependencies, j) =>
          union(dependencies, {
            'Rotation__Consumers__${i}__DependsOn__${j}__Vault': vaultName
            'Rotation__Consumers__${i}__DependsOn__${j}__Secret': consumers[i].secrets[j]
          })
      ),
      // A key without label matches any label, so Label is then left out; '' matches the unlabelled key-value only.
      reduce(
        range(0, length(consumers[i].?keys ?? [])),
        {},
        (dependencies, k) =>
          union(
            dependencies,
            {
              'Rotation__Consumers__${i}__DependsOn__${firstKey[i] + k}__Store': appConfigurationName
              'Rotation__Consumers__${i}__DependsOn__${firstKey[i] + k}__Key': consumers[i].keys[k].key
            },
            contains(consumers[i].keys[k], 'label')
              ? { 'Rotation__Consumers__${i}__DependsOn__${firstKey[i] + k}__Label': consumers[i].keys[k].label }
              : {}
          )
      )
    )
)

output counter object = union(shared, telemetry, datacenters, serviceTags, counting, counterOnly)
output rotation object = union(shared, telemetry, responder, consumerSettings, rotationOnly)
