# The data files in examples/ name fixed namespaces (ns1, node-a, ...). Copy-ExampleTopology
# writes a copy into TestDrive with each of those names replaced by a unique one, so the
# suites can converge the very files users read without clashing with anyone's namespaces.
function Copy-ExampleTopology {
    param(
        [Parameter(Mandatory)] [string] $Name,
        # Old name => new name, for every namespace the file names.
        [Parameter(Mandatory)] [hashtable] $Rename
    )

    $source = Join-Path $PSScriptRoot "../../../examples/$Name"
    $text = Get-Content $source -Raw
    foreach ($old in $Rename.Keys) {
        $quoted = "'$old'"
        if (-not $text.Contains($quoted)) { throw "$Name names no namespace $quoted" }
        $text = $text.Replace($quoted, "'$($Rename[$old])'")
    }

    $copy = Join-Path $TestDrive $Name
    Set-Content -Path $copy -Value $text
    $copy
}

# A unique namespace name for a topology to create (ip netns names; 'ipt-' like the fixtures).
function New-NamespaceName {
    param([string] $Prefix = 'ipt')
    "$Prefix-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
}

# Removes namespaces a topology created, whichever of them exist.
function Remove-NamespaceIfPresent {
    param([Parameter(ValueFromPipeline)] [string[]] $Name)
    process {
        foreach ($each in $Name) {
            if ($each -and (Test-Path "/run/netns/$each")) { Remove-NetNamespace $each -Confirm:$false }
        }
    }
}
