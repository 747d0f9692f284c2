// Scheduler on Azure: one resource group with the storage account (jobs, due index, runs, slots,
// queues), a Flex Consumption function app running as a user-assigned identity, Key Vault for the
// webhook signing secret, Log Analytics + Application Insights, a workbook and alert rules.
// Provisioned by `azd up` (azure.yaml at the repo root); checked by scripts/check-infra.sh.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds the resource group name and every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group name; empty means rg-<environmentName>.')
param resourceGroupName string = ''

@secure()
@description('HMAC key that signs outgoing webhook calls, stored in Key Vault. azd generates one on the first provision and keeps it in the environment.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 48
    }
  }
})
param webhookSigningSecret string

@description('NCRONTAB schedule of the sweep timer trigger (six fields, seconds first).')
param sweepSchedule string = '*/5 * * * * *'

@minValue(1)
@maxValue(1000)
@description('Upper bound of Flex Consumption instances.')
param maximumInstanceCount int = 100

@allowed([
  512
  2048
  4096
])
@description('Memory of each Flex Consumption instance.')
param instanceMemoryMB int = 2048

@description('Optional e-mail address notified by the alert rules.')
param alertEmail string = ''

@minValue(0)
@description('Alert when more runs than this fail within 15 minutes.')
param failedRunsAlertThreshold int = 5

@description('Optional: a Function App or web app in the same resource group that jobs call with auth: managedIdentity. When set, its App Service authentication is turned on and the scheduler\'s identity allowed (modules/protectedapi.bicep).')
param protectedAppName string = ''

@description('Client id of the protected app\'s app registration (with protectedAppName).')
param protectedAppClientId string = ''

@description('Application ID URI of the protected app\'s registration, the audience jobs ask tokens for (with protectedAppName).')
param protectedAppIdUri string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = 'func-sched-${resourceToken}'
var names = {
  resourceGroup: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  storage: 'stsched${resourceToken}'
  identity: 'id-sched-${resourceToken}'
  plan: 'plan-sched-${resourceToken}'
  functionApp: functionAppName
  keyVault: 'kv-sched-${resourceToken}'
  logAnalytics: 'log-sched-${resourceToken}'
  applicationInsights: 'appi-sched-${resourceToken}'
  // Flex Consumption reads the deployment package from this container (one container per app).
  deploymentContainer: 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
}

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    deploymentContainerName: names.deploymentContainer
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    webhookSigningSecret: webhookSigningSecret
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVault.outputs.name
    signingSecretName: keyVault.outputs.signingSecretName
    sweepSchedule: sweepSchedule
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The app must not start before its identity can read storage, Key Vault and publish telemetry:
  // nothing in its parameters says so, hence the explicit dependency.
  dependsOn: [
    rbac
  ]
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  scope: rg
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    namePrefix: 'sched-${resourceToken}'
    alertEmail: alertEmail
    failedRunsThreshold: failedRunsAlertThreshold
  }
}

module protectedApi 'modules/protectedapi.bicep' = if (!empty(protectedAppName)) {
  name: 'protectedapi'
  scope: rg
  params: {
    appName: protectedAppName
    appRegistrationClientId: protectedAppClientId
    applicationIdUri: protectedAppIdUri
    schedulerClientId: identity.outputs.clientId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output API_URL string = 'https://${functionApp.outputs.defaultHostName}/api'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_MANAGED_IDENTITY_NAME string = identity.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_LOG_ANALYTICS_NAME string = monitoring.outputs.logAnalyticsName
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_WORKBOOK_NAME string = workbook.outputs.name
output AZURE_ACTION_GROUP_NAME string = alerts.outputs.actionGroupName
output AZURE_APP_SERVICE_PLAN_NAME string = functionApp.outputs.planName
output AZURE_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
