// User-assigned managed identity of the Function App. One identity for everything the app reaches
// (storage for the host and for Lenkevakt, the deployment package, Application Insights ingestion), so the
// role assignments exist before the app starts and survive re-creating the app.

@description('Name of the identity.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resource.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
