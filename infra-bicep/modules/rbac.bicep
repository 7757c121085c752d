// Data-plane role assignments for one principal on the storage account (a loop over the role definition ids
// below) and, optionally, on Application Insights. Names are guid(scope, principal, role), so re-deploying is
// idempotent and two principals never collide.

@description('Storage account the roles are granted on.')
param storageAccountName string

@description('Object (principal) id of the identity or user receiving the roles.')
param principalId string

@description('Kind of principal: the app\'s managed identity is a ServicePrincipal; an operator is usually a User.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param principalType string = 'ServicePrincipal'

@description('Also grant Storage Blob Data Owner. The Functions host needs it (keys, timer leases, deployment package); an operator running the CLI only needs queues and tables.')
param grantBlobOwner bool = true

@description('Application Insights component to grant Monitoring Metrics Publisher on (Entra ID ingestion). Empty: none.')
param applicationInsightsName string = ''

// Built-in role definition ids (the same in every tenant).
var storageRoleIds = [
  // Storage Queue Data Contributor: queue triggers, the core's sends and the -poison queues.
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Storage Table Data Contributor: Findings, Dashboard, Runs, LinkStatus, CrawlState, AlertLog, Pages, SiteContent, Reports.
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Storage Blob Data Owner: the host's keys and timer leases (AzureWebJobsStorage) and the Flex deployment package.
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
]
// Monitoring Metrics Publisher: send telemetry to Application Insights with a Microsoft Entra token.
var monitoringMetricsPublisherId = '3913510d-42f4-4e42-8a64-420c390055eb'

var grantedStorageRoleIds = grantBlobOwner ? storageRoleIds : take(storageRoleIds, 2)

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in grantedStorageRoleIds: {
    name: guid(storage.id, principalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: principalId
      principalType: principalType
    }
  }
]

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = if (!empty(applicationInsightsName)) {
  name: applicationInsightsName
}

resource telemetryRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(applicationInsightsName)) {
  name: guid(appInsights.id, principalId, monitoringMetricsPublisherId)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisherId)
    principalId: principalId
    principalType: principalType
  }
}

output storageRoleAssignmentIds array = [for (roleId, i) in grantedStorageRoleIds: storageRoles[i].id]
