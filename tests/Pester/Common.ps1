# Dot-sourced by every suite (through Helpers.ps1, or directly): imports the module from the
# manifest run.ps1 names in IPIPTOOLS_MODULE, or from the repository's top-level manifest
# (build.ps1 publishes the module first). Nothing is skipped by what the machine can do: tests
# that need an ipip-capable kernel carry -Tag Tunnel and run in the qemu guest.
Import-Module ($env:IPIPTOOLS_MODULE ?? (Join-Path $PSScriptRoot '../../IpipTools.psd1')) -Force

# Whether this kernel makes ipip tunnels, for a suite that chooses its test cases by it at
# discovery (the documented examples generate their Guest cases only there). Probed once per
# run, not once per file: Test-IpipSupport makes a throwaway namespace each time.
if ($null -eq $global:IpipToolsTestsHaveIpip) {
    $global:IpipToolsTestsHaveIpip = (Test-IpipSupport | Where-Object Check -eq 'IpipModule').Status -eq 'Pass'
}
$script:HasIpip = $global:IpipToolsTestsHaveIpip
