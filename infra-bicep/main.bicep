// Lenkevakt on Azure Functions (Flex Consumption) with Azure Storage queues and tables.
// Deploy with `azd up` (azure.yaml points here) or `az deployment group create -g <rg> -f infra-bicep/main.bicep
// -p infra-bicep/main.bicepparam`. Every name is derived from environmentName; no key or secret is created or
// passed anywhere: the app reaches storage and Application Insights with its user-assigned managed identity.
targetScope = 'resourceGroup'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd env name), e.g. lenkevakt-prod. Every resource name is derived from it.')
param environmentName string

@description('Azure region of all resources. It must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Object id of a person or group who operates Lenkevakt (CLI: poison list/replay); gets queue and table data roles. Empty: none.')
param principalId string = ''

@description('Kind of principalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Most Flex Consumption instances the app may scale out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Nightly schedule: five-field cron read in scheduleTimeZone.')
param scheduleCron string = '0 2 * * *'

@description('IANA time zone of scheduleCron; the handler applies it (with daylight saving) on each UTC tick.')
param scheduleTimeZone string = 'Europe/Oslo'

@description('Concurrent requests per crawled host.')
@minValue(1)
@maxValue(256)
param crawlHostConcurrency int = 4

@description('Largest page body read, in bytes.')
param crawlMaxPageBytes int = 5242880

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'lenkevakt'
}
var deploymentContainerName = 'app-package-${resourceToken}'

var lenkevaktSettings = {
  Lenkevakt__Schedule__Cron: scheduleCron
  Lenkevakt__Schedule__TimeZone: scheduleTimeZone
  // The Functions timer ticks every hour in UTC (WEBSITE_TIME_ZONE is not supported on Flex Consumption);
  // TickInterval tells the handler how far back each tick looks for a due run.
  Lenkevakt__Schedule__FunctionsTick: '0 0 * * * *'
  Lenkevakt__Schedule__TickInterval: '01:00:00'
  // Lenkevakt__Queues__MaxDequeueCount is not set: the app takes it from host.json (extensions.queues.maxDequeueCount),
  // the one source the host obeys, and refuses to start if a setting says otherwise.
  Lenkevakt__Crawl__HostConcurrency: string(crawlHostConcurrency)
  Lenkevakt__Crawl__MaxPageBytes: string(crawlMaxPageBytes)
  // A site crawl checkpoints and continues in a new message after 45 minutes: well under functionTimeout (1 h).
  Lenkevakt__Crawl__TimeBudget: '00:45:00'
  Lenkevakt__Sites__Path: 'config/sites.json'
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-lenkevakt-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'stlv${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: 'log-lenkevakt-${resourceToken}'
    applicationInsightsName: 'appi-lenkevakt-${resourceToken}'
    location: location
    tags: tags
  }
}

module appRoles 'modules/rbac.bicep' = {
  name: 'rbac-app'
  params: {
    storageAccountName: storage.outputs.name
    principalId: identity.outputs.principalId
    principalType: 'ServicePrincipal'
    applicationInsightsName: monitoring.outputs.applicationInsightsName
  }
}

module operatorRoles 'modules/rbac.bicep' = if (!empty(principalId)) {
  name: 'rbac-operator'
  params: {
    storageAccountName: storage.outputs.name
    principalId: principalId
    principalType: principalType
    grantBlobOwner: false
  }
}

module function 'modules/function.bicep' = {
  name: 'function'
  params: {
    name: 'func-lenkevakt-${resourceToken}'
    planName: 'plan-lenkevakt-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    lenkevaktSettings: lenkevaktSettings
  }
  // The host starts as soon as the app exists: let it find its storage and telemetry roles in place.
  dependsOn: [
    appRoles
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output AZURE_FUNCTION_APP_NAME string = function.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${function.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
