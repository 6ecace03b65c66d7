// Data-plane roles on the storage account. Nothing here can read an account key (there are none in use).

@description('The storage account.')
param storageName string

@description('The counter app\'s identity.')
param counterPrincipalId string

@description('The rotation responder app\'s identity.')
param rotationPrincipalId string

@description('Identities of the Event Grid system topics that deliver rotation events.')
param eventGridPrincipalIds array

@description('The queue Event Grid delivers to.')
param eventsQueueName string

@description('The container Event Grid dead-letters to.')
param deadLetterContainerName string

@description('The container the responder\'s deployment package is in.')
param rotationPackageContainerName string

// The responder's code reads no blob: only its Functions host does, in these containers (which the storage module
// creates, since a role scoped to a container cannot create it): host locks and host id, function keys (the webhook
// is anonymous, but the host keeps its master key there), and the package Flex Consumption runs.
var rotationBlobContainers = [
  'azure-webjobs-hosts'
  'azure-webjobs-secrets'
  rotationPackageContainerName
]

var roles = {
  // The counter's host needs on AzureWebJobsStorage (leases, Event Hubs checkpoints, timers, its package) and its
  // code's containers, which the code creates when missing; the responder's host, in its three containers only.
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  blobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  queueDataMessageSender: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

var appGrants = [
  { principalId: counterPrincipalId, role: roles.blobDataOwner }
  { principalId: counterPrincipalId, role: roles.tableDataContributor }
  { principalId: rotationPrincipalId, role: roles.queueDataContributor }
  { principalId: rotationPrincipalId, role: roles.tableDataContributor }
]

resource storage 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {
  name: storageName
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-04-01' existing = {
  parent: storage
  name: 'default'
}

resource eventsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-04-01' existing = {
  parent: queueService
  name: eventsQueueName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-04-01' existing = {
  parent: storage
  name: 'default'
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-04-01' existing = {
  parent: blobService
  name: deadLetterContainerName
}

resource appRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for grant in appGrants: {
    scope: storage
    name: guid(storage.id, grant.principalId, grant.role)
    properties: {
      principalId: grant.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', grant.role)
    }
  }
]

resource rotationContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-04-01' existing = [
  for name in rotationBlobContainers: {
    parent: blobService
    name: name
  }
]

resource rotationBlobRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in rotationBlobContainers: {
    scope: rotationContainers[i]
    name: guid(rotationContainers[i].id, rotationPrincipalId, roles.blobDataOwner)
    properties: {
      principalId: rotationPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataOwner)
    }
  }
]

// Event Grid may add messages to the one queue and write dead letters to the one container, nothing else.
resource eventGridSend 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in eventGridPrincipalIds: {
    scope: eventsQueue
    name: guid(eventsQueue.id, principalId, roles.queueDataMessageSender)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.queueDataMessageSender)
    }
  }
]

resource eventGridDeadLetter 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in eventGridPrincipalIds: {
    scope: deadLetterContainer
    name: guid(deadLetterContainer.id, principalId, roles.blobDataContributor)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.blobDataContributor)
    }
  }
]
