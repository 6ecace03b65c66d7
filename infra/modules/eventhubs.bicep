// The request-log stream: one namespace, one hub, and a consumer group of the counter's own.

@description('Namespace name: 6 to 50 letters, digits or hyphens, starting with a letter.')
param namespaceName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('The event hub the CDN and storage logs are sent to.')
param hubName string

@description('The counter\'s consumer group.')
param consumerGroupName string

@description('Partitions of the hub: the most instances that count at once. Fixed once created on the Standard tier.')
@minValue(1)
@maxValue(32)
param partitionCount int

@description('Hours an event stays in the hub: how long the counter may be down without losing requests.')
@minValue(1)
@maxValue(168)
param retentionHours int

@description('Throughput units (Standard tier): each takes 1 MB/s or 1,000 events/s in.')
@minValue(1)
@maxValue(40)
param capacity int

@description('''
Turns off shared access keys on the namespace. Azure Monitor diagnostic settings stream through a namespace
authorization rule, so keep keys on while any diagnostic setting sends here.''')
param disableLocalAuth bool

resource namespace 'Microsoft.EventHub/namespaces@2026-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: capacity
  }
  properties: {
    minimumTlsVersion: '1.2'
    disableLocalAuth: disableLocalAuth
    isAutoInflateEnabled: false
  }
}

resource hub 'Microsoft.EventHub/namespaces/eventhubs@2026-01-01' = {
  parent: namespace
  name: hubName
  properties: {
    partitionCount: partitionCount
    retentionDescription: {
      cleanupPolicy: 'Delete'
      retentionTimeInHours: retentionHours
    }
  }
}

resource consumerGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2026-01-01' = {
  parent: hub
  name: consumerGroupName
}

// The rule Azure Monitor diagnostic settings name when they stream into the hub (they ask for Manage, Send and
// Listen). Its keys are never read by this template or the app; the app connects with its managed identity.
resource diagnosticsRule 'Microsoft.EventHub/namespaces/authorizationRules@2026-01-01' = {
  parent: namespace
  name: 'azure-monitor-diagnostics'
  properties: {
    rights: [
      'Manage'
      'Send'
      'Listen'
    ]
  }
}

output namespaceId string = namespace.id
output namespaceName string = namespace.name
output hubId string = hub.id
output hubName string = hub.name
output consumerGroupName string = consumerGroup.name
// serviceBusEndpoint is https://NAME.servicebus.windows.net:443/ in the public cloud; the host name is taken from it.
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]
output diagnosticsRuleId string = diagnosticsRule.id
