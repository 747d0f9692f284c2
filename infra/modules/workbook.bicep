// Azure Monitor workbook over Application Insights: runs by status, dispatch lateness percentiles,
// failures by job and concurrency slots in use. Queries live in ../queries/*.kql so the alert rules
// read the same RunStatusChanged projection.

param location string
param tags object = {}
param applicationInsightsId string
param displayName string = 'Scheduler'

var runEvents = loadTextContent('../queries/run-status-changed.kql')

var timeRangeParameter = {
  type: 9
  name: 'parameters'
  content: {
    version: 'KqlParameterItem/1.0'
    parameters: [
      {
        id: 'b9d2c1a4-1f7e-4a8e-9d51-5b1c0c7e2a10'
        version: 'KqlParameterItem/1.0'
        name: 'TimeRange'
        label: 'Time range'
        type: 4
        isRequired: true
        value: {
          durationMs: 86400000
        }
        typeSettings: {
          selectableValues: [
            { durationMs: 3600000 }
            { durationMs: 14400000 }
            { durationMs: 43200000 }
            { durationMs: 86400000 }
            { durationMs: 604800000 }
          ]
        }
      }
    ]
  }
}

func queryItem(name string, title string, query string, visualization string, resourceId string) object => {
  type: 3
  name: name
  content: {
    version: 'KqlItem/1.0'
    title: title
    query: query
    size: 0
    queryType: 0
    resourceType: 'microsoft.insights/components'
    crossComponentResources: [
      resourceId
    ]
    timeContextFromParameter: 'TimeRange'
    visualization: visualization
  }
  customWidth: '50'
}

var workbookContent = {
  version: 'Notebook/1.0'
  items: [
    {
      type: 1
      name: 'header'
      content: {
        json: '## Scheduler\nRun outcomes, dispatch lateness, failures by job and concurrency slots, from the telemetry the scheduler sends (meter and logs named `Scheduler`).'
      }
    }
    timeRangeParameter
    queryItem(
      'runs-by-status',
      'Runs by status',
      '${runEvents}${loadTextContent('../queries/runs-by-status.kql')}',
      'timechart',
      applicationInsightsId
    )
    queryItem(
      'lateness-percentiles',
      'Dispatch lateness p50 / p95 / p99 (ms)',
      loadTextContent('../queries/lateness-percentiles.kql'),
      'timechart',
      applicationInsightsId
    )
    queryItem(
      'failures-by-job',
      'Failed runs by job',
      '${runEvents}${loadTextContent('../queries/failures-by-job.kql')}',
      'table',
      applicationInsightsId
    )
    queryItem(
      'slots-in-use',
      'Concurrency slots in use by lane',
      loadTextContent('../queries/slots-in-use.kql'),
      'timechart',
      applicationInsightsId
    )
  ]
  fallbackResourceIds: [
    applicationInsightsId
  ]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // Workbook resource names must be GUIDs; this one is stable per App Insights component.
  name: guid(applicationInsightsId, 'scheduler-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: applicationInsightsId
    version: 'Notebook/1.0'
    serializedData: string(workbookContent)
  }
}

output name string = workbook.name
output id string = workbook.id
