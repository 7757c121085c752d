// Flex Consumption plan (FC1) and the Function App that runs functions/Lenkevakt.Functions.
// Every connection is identity-based through the user-assigned identity: no keys or connection strings.
// FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE must not be set on Flex
// Consumption; runtime and deployment live in functionAppConfig instead.

@description('Name of the Function App (globally unique host name).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region (must offer Flex Consumption: az functionapp list-flexconsumption-locations).')
param location string

@description('Tags for the resources; the app also gets azd-service-name.')
param tags object = {}

@description('Service name in azure.yaml, so azd deploy finds this app.')
param serviceName string = 'functions'

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Storage account for the host, the pipeline and the deployment package.')
param storageAccountName string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Application Insights component the host sends telemetry to.')
param applicationInsightsName string

@description('.NET version of the isolated worker. 10.0 is GA for the isolated model and is what the project targets.')
param dotnetVersion string = '10.0'

@description('Memory of each instance in MB. 2048 fits a few concurrent site crawls with 5 MiB page caps.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on instances (cost guard and politeness: total concurrent crawls = this x host.json batchSize).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Lenkevakt settings (double-underscore keys, string values) merged into the app settings.')
param lenkevaktSettings object = {}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Identity-based connection properties, written once under each connection name: AzureWebJobsStorage (the host)
// and LenkevaktStorage, e.g. LenkevaktStorage__queueServiceUri. LenkevaktStorage is the queue triggers' connection
// (Connection = "LenkevaktStorage") and also the one the core's own queue, table and blob clients are built from, so
// both use these endpoints (any cloud) and this identity.
var storageConnection = {
  credential: 'managedidentity'
  clientId: identityClientId
  blobServiceUri: storage.properties.primaryEndpoints.blob
  queueServiceUri: storage.properties.primaryEndpoints.queue
  tableServiceUri: storage.properties.primaryEndpoints.table
}

var platformSettings = {
  // The connection string only locates the component; with local auth disabled on it, ingestion needs the
  // Entra token named by APPLICATIONINSIGHTS_AUTHENTICATION_STRING.
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

var appSettings = union(
  toObject(items(storageConnection), item => 'AzureWebJobsStorage__${item.key}', item => item.value),
  toObject(items(storageConnection), item => 'LenkevaktStorage__${item.key}', item => item.value),
  lenkevaktSettings,
  platformSettings
)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
    }
  }
}

// App settings as one child resource: their values (endpoints, the telemetry connection string) are only known
// once storage and Application Insights exist.
resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'appsettings'
  properties: appSettings
}

// No FTP or SCM basic-auth publishing: azd and the CLI deploy with a Microsoft Entra token.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output id string = app.id
output defaultHostName string = app.properties.defaultHostName
