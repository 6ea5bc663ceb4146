# Guidance points only at things that exist. Error messages and recommended actions name
# parameters, cmdlets and help topics; a name that does not exist (-OnLink, about_IpipTopology)
# sends the user nowhere. Two nets for that class of bug: every such name in the string
# literals of the module's source, and the texts of errors provoked for real. Provoked
# errors are also checked for internals that must not show: C# type names, record dumps as
# targets, wildcard fields ("proto 0", "scope nowhere"), "(s)" plurals, "a ipip".
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Guidance names only parameters, cmdlets and topics that exist' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:Commands = Get-Command -Module IpipTools
        $script:ParametersOf = @{}
        foreach ($command in $Commands) {
            $ParametersOf[$command.Name] = @($command.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases })
        }
        $script:AnyParameter = $ParametersOf.Values | ForEach-Object { $_ } | Sort-Object -Unique
        $script:Verbs = (Get-Verb).Verb

        # What one text names that does not exist: -Parameters (of the cmdlet named just
        # before them in the same text, IpipTools' or PowerShell's, else of any IpipTools
        # cmdlet), cmdlets, about_ topics.
        function script:Get-DanglingName([string] $Text) {
            $lastCommand = $null
            foreach ($token in $Text -split '[\s,;:()''"]+') {
                if ($token -cmatch '^([A-Z][a-z]+)-[A-Z][A-Za-z]+$' -and $Verbs -contains $Matches[1]) {
                    $found = Get-Command $token -ErrorAction SilentlyContinue
                    if (-not $found) { "cmdlet $token" }
                    elseif (-not $ParametersOf.ContainsKey($token)) {
                        $ParametersOf[$token] = @($found.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases })
                    }
                    $lastCommand = if ($found) { $token } else { $null }
                }
                elseif ($token -cmatch '^-([A-Z][A-Za-z]+)$') {
                    $parameter = $Matches[1]
                    if ($lastCommand) {
                        if ($ParametersOf[$lastCommand] -notcontains $parameter) { "-$parameter (not a parameter of $lastCommand)" }
                    }
                    elseif ($AnyParameter -notcontains $parameter) { "-$parameter (no IpipTools cmdlet has it)" }
                }
                elseif ($token -match '^(about_\w+)') {
                    $topic = $Matches[1]
                    if (-not (Get-Help $topic -ErrorAction SilentlyContinue | Where-Object Category -eq 'HelpFile')) { "topic $topic" }
                }
            }
        }
    }

    It 'in the string literals of the source' {
        $source = Join-Path $PSScriptRoot '../../src'
        $dangling = foreach ($file in Get-ChildItem $source -Recurse -Filter *.cs | Where-Object FullName -notmatch '[\\/](obj|bin)[\\/]') {
            $text = Get-Content -Raw -LiteralPath $file.FullName
            foreach ($literal in [regex]::Matches($text, '"(?:[^"\\\r\n]|\\.)*"')) {
                foreach ($name in Get-DanglingName $literal.Value) { "$($file.Name): $name in $($literal.Value)" }
            }
        }
        $dangling | Should -BeNullOrEmpty
    }

    It 'recognises a dangling name (the check itself works)' {
        Get-DanglingName 'mark the route onlink (-MakeOnLink); Get-Help about_IpipTopology' | Should -HaveCount 2
        Get-DanglingName 'Set-IpipTopology -WhatIf -PlanPath, then Add-OnlinkRoute -CheckGateway' | Should -BeNullOrEmpty
        Get-DanglingName 'Add-OnlinkRoute -PlanPath' | Should -HaveCount 1
        Get-DanglingName 'Invoke-Command -Session $s -ScriptBlock { }; Set-Location -LiteralPath .' | Should -BeNullOrEmpty
        Get-DanglingName 'Set-Location -NoSuchParameter .' | Should -HaveCount 1
    }
}

Describe 'Errors provoked in PowerShell read as guidance' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Fixture = New-NetNamespaceFixture
        $Fixture | New-VethPair g0 g1 -Up | Out-Null
        $Fixture | Add-TunnelPeerAddress 10.66.0.1 -PrefixLength 24 -InterfaceName g0 | Out-Null
        $script:Missing = 'ipt-missing-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $script:DataFile = Join-Path ([IO.Path]::GetTempPath()) "ipt-bad-$([guid]::NewGuid().ToString('N')).psd1"
        Set-Content -LiteralPath $DataFile -Value "@{ Namespaces = @(@{ Name = ''; Bogus = 1 }) }"
        $script:PlanFile = Join-Path ([IO.Path]::GetTempPath()) "ipt-bad-plan-$([guid]::NewGuid().ToString('N')).json"
        Set-Content -LiteralPath $PlanFile -Value '{ "Steps": 1 }'
        $Fixture | New-VethPair h0 h1 | Out-Null
        $ns = $Fixture.Namespace
        $script:Provoked = [ordered]@{
            'gateway rejected'      = { Add-OnlinkRoute 10.66.9.0/24 -Gateway 172.16.9.9 -InterfaceName g0 -CheckGateway -NetNamespace $ns }
            'route to remove absent' = { Remove-OnlinkRoute 10.66.8.0/24 -NetNamespace $ns -Confirm:$false }
            'route exists'          = { Add-OnlinkRoute 10.66.0.0/24 -InterfaceName g0 -NetNamespace $ns }
            'namespace to remove absent' = { Remove-NetNamespace $Missing -Confirm:$false }
            'namespace absent'      = { Get-NetLink -NetNamespace $Missing }
            'data file key'         = { Test-IpipTopology -Path $DataFile -NetNamespace $ns }
            'data key'              = { Test-IpipTopology -InputObject @{ Namespaces = @(@{ Name = ''; Bogus = 1 }) } -NetNamespace $ns }
            'veth is no tunnel'     = { Set-IpipTunnel g0 -Ttl 32 -NetNamespace $ns }
            'not a veth'            = { Remove-VethPair lo -NetNamespace $ns -Confirm:$false }
            'IPv6 tunnel endpoint'  = { New-IpipTunnel t6 -Remote 2001:db8::1 -NetNamespace $ns }
            'fixed ttl without pmtudisc' = { New-IpipTunnel tt -Remote 192.0.2.9 -Ttl 32 -PathMtuDiscovery $false -NetNamespace $ns }
            'address absent'        = { Remove-TunnelPeerAddress 10.66.7.1 -InterfaceName g0 -NetNamespace $ns -Confirm:$false }
            'no topology given'     = { Test-IpipTopology -NetNamespace $ns }
            'not a plan'            = { Set-IpipTopology -PlanPath $PlanFile -NetNamespace $ns -Confirm:$false }
            'device down'           = { Add-OnlinkRoute 10.66.6.0/24 -Gateway 172.16.6.6 -InterfaceName h0 -NetNamespace $ns }
            'topology conflict'     = { Set-IpipTopology -InputObject @{ Namespaces = @(@{ Name = ''; Veths = @(@{ Name = 'lo'; Peer = 'lo2' }) }) } -NetNamespace $ns -Confirm:$false }
        }
    }

    AfterAll {
        Remove-NetNamespaceFixture $Fixture -Confirm:$false
        Remove-Item -LiteralPath $DataFile, $PlanFile -ErrorAction SilentlyContinue
    }

    It '<_>' -ForEach @(
        'gateway rejected', 'route to remove absent', 'route exists', 'namespace to remove absent', 'namespace absent',
        'data file key', 'data key', 'veth is no tunnel', 'not a veth', 'IPv6 tunnel endpoint', 'fixed ttl without pmtudisc',
        'address absent', 'no topology given', 'not a plan', 'device down', 'topology conflict') {
        $failure = $null
        try { & $Provoked[$_] -ErrorAction Stop | Out-Null } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty -Because 'the case must provoke an error'
        $message = if ($failure.ErrorDetails.Message) { $failure.ErrorDetails.Message } else { $failure.Exception.Message }
        $advice = $failure.ErrorDetails.RecommendedAction
        $advice | Should -Not -BeNullOrEmpty
        Get-DanglingName "$message $advice" | Should -BeNullOrEmpty
        "$message $advice" | Should -Not -Match '\bproto 0\b|scope nowhere|\(s\)|\ba (ipip|ip6|erspan|ifb)\b|\w+Parameters\b|IpipTools\.Core'
        "$($failure.TargetObject)" | Should -Not -Match '^\w+ \{ |IpipTools\.Core\.'
    }

    It 'describes a plan that only conflicts without "0 step(s) ()"' {
        $run = Invoke-HostCaptured { Set-IpipTopology -InputObject @{ Namespaces = @(@{ Name = ''; Veths = @(@{ Name = 'lo'; Peer = 'lo2' }) }) } -NetNamespace $ns -WhatIf } @{ ns = $Fixture.Namespace }
        $run.Errors | Should -BeNullOrEmpty
        $plan = $run.Output[0]
        $plan.Conflicts | Should -Not -BeNullOrEmpty
        $action = $plan.Summary()
        $action | Should -Not -Match '\(s\)|\(\)'
        $action | Should -Match '1 conflict\b'
        $run.HostLines | Should -HaveCount 1 -Because '-WhatIf says what it would do once'
        $run.HostLines[0] | Should -BeLike "What if:*$([WildcardPattern]::Escape($action))*$([WildcardPattern]::Escape($Fixture.Namespace))*"
    }
}
