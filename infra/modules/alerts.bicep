// Log search alert rules over Application Insights, and the action group they notify.

param location string
param tags object = {}
param applicationInsightsId string

@description('Short prefix for rule and action group names.')
param namePrefix string

@description('Optional e-mail address notified by the alerts; empty leaves the action group without receivers.')
param alertEmail string = ''

@minValue(0)
@description('Alert when more runs than this fail within 15 minutes.')
param failedRunsThreshold int = 5

var runEvents = loadTextContent('../queries/run-status-changed.kql')

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('sched-${namePrefix}', 12)
    enabled: true
    emailReceivers: empty(alertEmail)
      ? []
      : [
          {
            name: 'scheduler-oncall'
            emailAddress: alertEmail
            useCommonAlertSchema: true
          }
        ]
  }
}

resource failedRuns 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${namePrefix}-failed-runs'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Scheduler: failed runs'
    description: 'More than ${failedRunsThreshold} runs reached status Failed within 15 minutes (RunStatusChanged events).'
    severity: 2
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: '${runEvents}${loadTextContent('../queries/alert-failed-runs.kql')}'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: failedRunsThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

resource poisonQueue 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${namePrefix}-poison-queue'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Scheduler: poison queue not empty'
    description: 'Messages reached runs-poison (scheduler.queue.poison_depth > 0): runs could not be started five times.'
    severity: 1
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: loadTextContent('../queries/alert-poison-depth.kql')
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'PoisonDepth'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

resource sweepHeartbeat 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${namePrefix}-sweep-stale'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Scheduler: sweep heartbeat stale'
    description: 'No scheduler.sweep.completed metric for 5 minutes: due runs are not being dispatched.'
    severity: 1
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          // Count over no rows is 0, so silence itself trips the rule.
          query: loadTextContent('../queries/alert-sweep-heartbeat.kql')
          timeAggregation: 'Count'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

output actionGroupName string = actionGroup.name
output alertRuleNames string[] = [
  failedRuns.name
  poisonQueue.name
  sweepHeartbeat.name
]
