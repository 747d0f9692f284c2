// Key Vault holding the webhook signing secret. RBAC authorization (no access policies): the app's
// identity gets Key Vault Secrets User in rbac.bicep and reads the secret through a Key Vault reference.

param name string
param location string
param tags object = {}

@secure()
@description('HMAC-SHA256 key that signs outgoing webhook calls (X-Scheduler-Signature).')
param webhookSigningSecret string

@description('Name of the secret the function app references.')
param signingSecretName string = 'webhook-signing-secret'

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource signingSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: signingSecretName
  properties: {
    value: webhookSigningSecret
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
output signingSecretName string = signingSecret.name
