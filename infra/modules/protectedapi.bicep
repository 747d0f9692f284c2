// Lets the scheduler's identity call an Entra ID-protected Function App or web app: turns on App Service authentication
// (Easy Auth) on that app, requiring a token for its app registration, and allows the scheduler's user-assigned identity
// as a client. Jobs then call it with "auth": {"type": "managedIdentity", "audience": "<applicationIdUri>"}.
// Deployed only when main.bicep's protectedAppName is set. It writes the app's whole authentication configuration:
// for an app whose authentication is already configured, add the scheduler's client id to its allowed applications instead.
//   https://learn.microsoft.com/azure/app-service/configure-authentication-provider-aad#use-a-built-in-authorization-policy

@description('Name of the Function App or web app to protect, in this resource group.')
param appName string

@description('Client id of the app registration that represents the protected app.')
param appRegistrationClientId string

@description('Application ID URI of that app registration (api://...): the audience scheduler jobs ask tokens for.')
param applicationIdUri string

@description('Client id of the scheduler\'s user-assigned identity, the caller to allow.')
param schedulerClientId string

resource app 'Microsoft.Web/sites@2025-03-01' existing = {
  name: appName
}

resource auth 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: appRegistrationClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            applicationIdUri
          ]
          defaultAuthorizationPolicy: {
            allowedApplications: [
              schedulerClientId
            ]
          }
        }
      }
    }
  }
}
