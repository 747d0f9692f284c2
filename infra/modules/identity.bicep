// The function app's only identity. A user-assigned identity (not system-assigned) so that its role
// assignments exist before the app starts, and so AzureWebJobsStorage, the deployment storage, Key Vault
// references and the App Insights exporter all use the same principal.

param name string
param location string
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
