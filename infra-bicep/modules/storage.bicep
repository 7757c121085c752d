// The storage account used by both the Functions host (AzureWebJobsStorage: keys, timer leases) and Lenkevakt
// (LenkevaktStorage: pipeline queues and result tables), plus the Flex Consumption deployment container.
// Shared keys are disabled: every client, the host included, signs in with Microsoft Entra ID.

@description('Name of the storage account (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags for the resources.')
param tags object = {}

@description('Redundancy. LRS is enough: every table can be rebuilt by the next nightly run.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
])
param skuName string = 'Standard_LRS'

@description('Blob container the Flex Consumption plan deploys the app package to.')
param deploymentContainerName string

// Logical pipeline queues (Lenkevakt.Storage.StorageNames); each gets its "-poison" queue, where a message that
// failed on its last allowed delivery is kept together with its error.
var pipelineQueues = [
  'crawl-site'
  'findings'
  'site-crawled'
  'alerts'
]
var queueNames = flatten(map(pipelineQueues, queue => [queue, '${queue}-poison']))

// Result and state tables of the core library. The core also creates missing ones at start; creating them
// here makes a fresh environment complete before the first run.
var tableNames = [
  'Findings'
  'Dashboard'
  'Runs'
  'LinkStatus'
  'AlertLog'
  'SiteContent'
  'Reports'
]

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Flex Consumption without a virtual network reaches the account over its public endpoint;
    // access is still identity-only. Add VNet integration and a private endpoint to close it.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Crawl checkpoints (append blobs per site and run) written by the core library.
resource crawlStateContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: 'crawlstate'
  properties: {
    publicAccess: 'None'
  }
}

// Page content results (one gzip blob per site, replaced by every run) written by the core library.
resource contentPagesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: 'contentpages'
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-06-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output deploymentContainerName string = deploymentContainer.name
output queueNames array = [for (queueName, i) in queueNames: queues[i].name]
output tableNames array = [for (tableName, i) in tableNames: tables[i].name]
