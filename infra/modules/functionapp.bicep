// Flex Consumption plan + function app (.NET 10 isolated) running as the user-assigned identity.
//
// Shape followed from the official samples:
//   https://github.com/Azure-Samples/functions-quickstart-dotnet-azd (infra/app/api.bicep, infra/main.bicep)
//   https://github.com/Azure-Samples/azure-functions-flex-consumption-samples (IaC/bicep, IaC/armtemplate)
// On Flex Consumption the runtime lives in functionAppConfig.runtime; FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION, WEBSITE_RUN_FROM_PACKAGE and WEBSITE_CONTENT* must not be set:
//   https://learn.microsoft.com/azure/azure-functions/functions-app-settings#flex-consumption-plan-deprecations

param name string
param planName string
param location string
param tags object = {}

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (the SDKs and the Functions host pick it by client id).')
param identityClientId string

param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param keyVaultName string
param signingSecretName string

@description('NCRONTAB schedule of the sweep timer trigger (six fields, seconds first).')
param sweepSchedule string

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName

  resource signingSecret 'secrets' existing = {
    name: signingSecretName
  }
}

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
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  // azd deploys the `api` service of azure.yaml to the site carrying this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
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
    // Key Vault references resolve with this identity instead of a system-assigned one.
    keyVaultReferenceIdentity: identityId
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
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // Host storage (leases, timers, Durable task hub) over Entra ID: no connection string, no key.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        // The scheduler's own storage clients (Scheduler.Storage), same identity.
        {
          name: 'Scheduler__Storage__TableServiceUri'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'Scheduler__Storage__QueueServiceUri'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'Scheduler__Storage__ManagedIdentityClientId'
          value: identityClientId
        }
        // The queue the sweep sends runs to and the queue trigger listens on: one setting read by both.
        {
          name: 'Scheduler__Storage__RunsQueue'
          value: 'runs'
        }
        {
          name: 'Scheduler__Sweep__Schedule'
          value: sweepSchedule
        }
        // Versionless reference: a rotated secret is picked up without redeploying.
        {
          name: 'Scheduler__Targets__Http__SigningSecret'
          value: '@Microsoft.KeyVault(SecretUri=${vault::signingSecret.properties.secretUri})'
        }
        // Secret references of HTTP and SSH targets are Key Vault secret names, read at each use; the same identity mints
        // the Entra ID tokens of `auth: managedIdentity` targets.
        {
          name: 'Scheduler__Targets__Identity__KeyVaultUri'
          value: vault.properties.vaultUri
        }
        {
          name: 'Scheduler__Targets__Identity__ManagedIdentityClientId'
          value: identityClientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
      ]
    }
  }
}

output name string = app.name
output planName string = plan.name
output defaultHostName string = app.properties.defaultHostName
