// Logs and telemetry: a Log Analytics workspace and a workspace-based Application Insights component that accepts
// only Entra ID-authenticated telemetry, so its connection string (which holds no key) is useless on its own.

@description('Start of the resource names.')
param baseName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Days the workspace keeps logs; 30 is the most that costs nothing beyond ingestion.')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: '${baseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output insightsId string = insights.id
output insightsName string = insights.name
output workspaceId string = workspace.id
