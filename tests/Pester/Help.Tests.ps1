# Get-Help against the cmdlets themselves: the help's SYNTAX and PARAMETERS sections name
# exactly the parameters Get-Command reports (PowerShell's common parameters aside), with
# -WhatIf and -Confirm wherever the cmdlet supports ShouldProcess, shown as PowerShell
# shows them for its own cmdlets.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Cmdlets = @(Get-Command -Module IpipTools -CommandType Cmdlet | ForEach-Object {
            @{ Name = $_.Name; ShouldProcess = [System.Management.Automation.CommandMetadata]::new($_).SupportsShouldProcess }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    # Verbose, ErrorAction, ...: PowerShell adds them to every cmdlet and help shows them as [<CommonParameters>].
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters
}

Describe 'Help syntax and parameters of <Name>' -ForEach $Cmdlets {
    BeforeAll {
        $script:Command = Get-Command $Name
        $script:Help = Get-Help $Name -Full
        $script:Declared = @($Command.Parameters.Keys | Where-Object { $_ -notin $Common } | Sort-Object)
    }

    It 'comes from the module''s help file, not from PowerShell''s generated stub' {
        $Help.description | Should -Not -BeNullOrEmpty
    }

    It 'lists in PARAMETERS every parameter the cmdlet has, and no other' {
        @($Help.parameters.parameter.name | Sort-Object -Unique) | Should -Be $Declared
    }

    It 'has one SYNTAX entry per parameter set, naming exactly that set''s parameters' {
        $items = @($Help.syntax.syntaxItem)
        $items.Count | Should -Be $Command.ParameterSets.Count
        $expected = $Command.ParameterSets | ForEach-Object { (@($_.Parameters.Name | Where-Object { $_ -notin $Common } | Sort-Object) -join ' ') }
        $actual = $items | ForEach-Object { (@($_.parameter.name | Sort-Object) -join ' ') }
        @($actual | Sort-Object) | Should -Be @($expected | Sort-Object)
    }

    It 'marks mandatory and positional parameters in SYNTAX as the cmdlet declares them' {
        foreach ($set in $Command.ParameterSets) {
            $names = (@($set.Parameters.Name | Where-Object { $_ -notin $Common } | Sort-Object) -join ' ')
            $item = $Help.syntax.syntaxItem | Where-Object { (@($_.parameter.name | Sort-Object) -join ' ') -eq $names }
            foreach ($parameter in $set.Parameters | Where-Object Name -notin $Common) {
                $entry = $item.parameter | Where-Object name -eq $parameter.Name
                $entry.required | Should -Be ([string]$parameter.IsMandatory).ToLowerInvariant() -Because "-$($parameter.Name) in $($set.Name)"
                $position = if ($parameter.Position -lt 0) { 'named' } else { [string]$parameter.Position }
                $entry.position | Should -Be $position -Because "-$($parameter.Name) in $($set.Name)"
            }
        }
    }

    It 'shows [-WhatIf] [-Confirm] before the common parameters in SYNTAX exactly when it supports ShouldProcess (<ShouldProcess>)' {
        $Command.Parameters.ContainsKey('WhatIf') | Should -Be $ShouldProcess
        $lines = @((Get-Help $Name | Out-String -Width 4096) -split "`n" | Where-Object { $_ -match "^\s+$Name\s+\S" })
        $lines.Count | Should -Be $Command.ParameterSets.Count
        $pattern = if ($ShouldProcess) { '\[-WhatIf\] \[-Confirm\] \[<CommonParameters>\]\s*$' } else { '\[<CommonParameters>\]\s*$' }
        $lines | ForEach-Object { $_ | Should -Match $pattern }
        if ($ShouldProcess) {
            foreach ($switch in 'WhatIf', 'Confirm') {
                $entry = $Help.parameters.parameter | Where-Object name -eq $switch
                $entry.type.name | Should -Be 'System.Management.Automation.SwitchParameter'
                $entry.description.Text | Should -Not -BeNullOrEmpty
                $entry.aliases | Should -Be @{ WhatIf = 'wi'; Confirm = 'cf' }[$switch]
            }
        }
        else {
            $lines | Should -Not -Match 'WhatIf|Confirm'
        }
    }
}
