# The guard: every cmdlet the module exports is invoked by at least one Pester test. The
# test files are read with PowerShell's own parser; a cmdlet counts when a command
# element (CommandAst) names it, not when it only appears in a string or a comment.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $exported = @((Get-Command -Module IpipTools -CommandType Cmdlet).Name | Sort-Object)
}

Describe 'Pester coverage of the exported cmdlets' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Invoked = @{}
        foreach ($file in Get-ChildItem $PSScriptRoot -Recurse -Filter '*.Tests.ps1') {
            $tokens = $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref] $tokens, [ref] $errors)
            $errors | Should -BeNullOrEmpty -Because "$($file.Name) must parse"
            $commands = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
            foreach ($command in $commands) {
                $name = $command.GetCommandName()
                if ($name) { $Invoked[$name] = $true }
            }
        }
    }

    It 'checks exactly the cmdlets the manifest exports' -ForEach @{ Exported = $exported } {
        $manifest = Import-PowerShellDataFile ($env:IPIPTOOLS_MODULE ?? (Join-Path $PSScriptRoot '../../IpipTools.psd1'))
        $Exported | Should -Be @($manifest.CmdletsToExport | Sort-Object)
    }

    It '<_> is invoked by a Pester test' -ForEach $exported {
        $Invoked.ContainsKey($_) | Should -BeTrue -Because "every exported cmdlet needs a Pester test that runs it against the kernel, and no *.Tests.ps1 file invokes $_"
    }
}
