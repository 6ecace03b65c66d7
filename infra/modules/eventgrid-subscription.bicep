// Delivers a system topic's change events to the rotation-events queue, one Base64 JSON event per message (what the
// queue trigger reads), with the topic's identity. Events that cannot be delivered go to a blob container.

@description('The system topic.')
param topicName string

@description('Subscription name.')
param name string

@description('The event types to deliver.')
param includedEventTypes array

@description('The storage account of the queue and the dead-letter container.')
param storageId string

@description('The queue the responder reads.')
param queueName string

@description('The container undeliverable events are written to.')
param deadLetterContainerName string

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: topicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: topic
  name: name
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: includedEventTypes
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storageId
          queueName: queueName
          // A week: longer than any outage the responder should ride out, and the most a visible message may wait.
          queueMessageTimeToLiveInSeconds: 604800
        }
      }
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storageId
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}
