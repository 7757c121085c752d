// Example parameters. azd fills the AZURE_* variables from the selected environment; with
// `az deployment group create` export them first or edit the fallbacks here.
using './main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'lenkevakt-dev')
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
// Operator who gets queue and table data roles (CLI poison list/replay against Azure): LENKEVAKT_OPERATOR_ID if set
// (CI sets an operators group), otherwise the signed-in azd user.
param principalId = readEnvironmentVariable('LENKEVAKT_OPERATOR_ID', readEnvironmentVariable('AZURE_PRINCIPAL_ID', ''))
param principalType = readEnvironmentVariable('LENKEVAKT_OPERATOR_TYPE', 'User')
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param scheduleCron = '0 2 * * *'
param scheduleTimeZone = 'Europe/Oslo'
param crawlHostConcurrency = 4
param crawlMaxPageBytes = 5242880
