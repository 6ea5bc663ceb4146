# Dot-sourced in BeforeAll by the suites that prove cmdlets against iproute2: imports the
# module (Common.ps1) and the test helpers, one concept per file under Helpers/.
. (Join-Path $PSScriptRoot 'Common.ps1')
foreach ($helper in Get-ChildItem (Join-Path $PSScriptRoot 'Helpers') -Filter '*.ps1') {
    . $helper.FullName
}
