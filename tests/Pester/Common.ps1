# Dot-sourced by every suite, in BeforeDiscovery (to decide what to skip) and in
# BeforeAll: imports the module from the repository's top-level manifest (build.ps1
# publishes it first) and tells whether this machine can make namespaces (root) and
# ipip tunnels (a kernel with the ipip module).
Import-Module ($env:IPIPTOOLS_MODULE ?? (Join-Path $PSScriptRoot '../../IpipTools.psd1')) -Force

$script:IsRoot = (id -u) -eq '0'
$script:HasIpip = $script:IsRoot -and
    ((Test-IpipSupport | Where-Object Check -eq 'IpipModule').Status -eq 'Pass')
