# Invoke-NetNamespaceCommand [NS] PROGRAM ARGUMENTS: what reaches the program is what was written.
# PowerShell binds a -word after the program to the cmdlet's own or common parameters (a
# compiled cmdlet cannot prevent it); the cmdlet refuses such a command, before anything
# runs, and names the `--` form, after which every word reaches the program as written.
# Real ping between two throwaway namespaces joined by a veth pair; ping's own output is
# the oracle of what it was given.
Describe 'Invoke-NetNamespaceCommand: the program gets its arguments as written' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $stem = 'ipt-arg-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $script:A = "$stem-a"
        $script:B = "$stem-b"
        ip netns add $A
        ip netns add $B
        ip -n $A link add va type veth peer name vb netns $B
        ip -n $A addr add 10.77.20.1/24 dev va
        ip -n $B addr add 10.77.20.2/24 dev vb
        ip -n $A link set va up
        ip -n $B link set vb up
        $script:Far = '10.77.20.2'

        # The command the refusal recommends: what follows "as written: ".
        function script:Get-Recommended([System.Management.Automation.ErrorRecord] $Failure) {
            [regex]::Match($Failure.ErrorDetails.RecommendedAction, 'as written: (.*)$').Groups[1].Value
        }
    }

    AfterAll {
        Exit-NetNamespace -ErrorAction SilentlyContinue
        foreach ($ns in $A, $B) { if (Test-Path "/run/netns/$ns") { ip netns delete $ns } }
    }

    It 'passes -W after -- to ping (without it, PowerShell itself finds -W ambiguous)' {
        # -W begins -WarningAction and -WarningVariable: the binder fails before the cmdlet runs.
        { Invoke-NetNamespaceCommand -NetNamespace $A ping '-c' 2 -W 1 $Far } |
            Should -Throw -ErrorId 'AmbiguousParameter,IpipTools.Namespaces.InvokeNetNamespaceCommandCommand'
        $lines = Invoke-NetNamespaceCommand -NetNamespace $A -- ping -c 2 -W 1 $Far
        $LASTEXITCODE | Should -Be 0
        ($lines -match '^2 packets transmitted, 2 received') | Should -HaveCount 1 -Because ($lines -join "`n")
    }

    It 'refuses -p after the program (PowerShell binds it to -PassThru) and runs nothing; the -- form it names pings with pattern ff' {
        $global:LASTEXITCODE = 42
        # Refused before anything runs, as a binding error is: a terminating error.
        $lines = $failure = $null
        try { $lines = Invoke-NetNamespaceCommand -NetNamespace $A ping '-c' 1 -p ff $Far } catch { $failure = @($_) }
        $lines | Should -BeNullOrEmpty
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'ParameterAfterProgram,IpipTools.Namespaces.InvokeNetNamespaceCommandCommand'
        "$($failure[0])" | Should -BeLike "'-p' after the program ping was taken by PowerShell as an abbreviation of Invoke-NetNamespaceCommand's -PassThru*nothing was run."
        $LASTEXITCODE | Should -Be 42
        $recommended = Get-Recommended $failure[0]
        $recommended | Should -Be 'Invoke-NetNamespaceCommand -NetNamespace $A ping -- ''-c'' 1 -p ff $Far'
        $lines = Invoke-Expression $recommended
        $LASTEXITCODE | Should -Be 0
        $lines | Should -Contain 'PATTERN: 0xff'
        ($lines -match '^1 packets transmitted, 1 received') | Should -HaveCount 1 -Because ($lines -join "`n")
    }

    It 'starts nothing when it refuses: the program''s own trace is absent' {
        $marker = Join-Path $TestDrive 'ran'
        { Invoke-NetNamespaceCommand -NetNamespace $A touch $marker -p -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterAfterProgram,IpipTools.Namespaces.InvokeNetNamespaceCommandCommand'
        Test-Path $marker | Should -BeFalse
    }

    It 'refuses -v after the program (PowerShell binds it to -Verbose), which used to vanish' {
        { Invoke-NetNamespaceCommand -NetNamespace $A ping '-c' 1 -v $Far -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*'-v' after the program ping was taken by PowerShell as an abbreviation of Invoke-NetNamespaceCommand's -Verbose*"
    }

    It 'in an entered namespace, refuses -n after the program (not "namespace ''-c'' does not exist"); ping -- -n runs there' {
        Enter-NetNamespace $A -WarningAction SilentlyContinue
        try {
            $failure = $null
            try { Invoke-NetNamespaceCommand ping -n '-c' 1 $Far } catch { $failure = @($_) }
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'ParameterAfterProgram,*'
            "$($failure[0])" | Should -BeLike "*'-n'*-NetNamespace*"
            Get-Recommended $failure[0] | Should -Be 'Invoke-NetNamespaceCommand ping -- -n ''-c'' 1 $Far'
            $lines = Invoke-NetNamespaceCommand ping -- -n -c 1 $Far
            $LASTEXITCODE | Should -Be 0
            ($lines -match "^64 bytes from $([regex]::Escape($Far))") | Should -HaveCount 1 -Because ($lines -join "`n")
        }
        finally {
            Exit-NetNamespace
        }
    }

    It 'takes the form about_IpipTools shows, Invoke-NetNamespaceCommand NS PROGRAM ARGUMENTS' {
        $lines = Invoke-NetNamespaceCommand $A ping '-c' 1 $Far
        $LASTEXITCODE | Should -Be 0
        ($lines -match "^64 bytes from $([regex]::Escape($Far))") | Should -HaveCount 1 -Because ($lines -join "`n")
        # The program runs in NS: ip there lists NS's veth end, not B's.
        (Invoke-NetNamespaceCommand $A ip -- -j link show | ConvertFrom-Json).ifname | Should -Contain 'va'
        (Invoke-NetNamespaceCommand $B ip -- -j link show | ConvertFrom-Json).ifname | Should -Not -Contain 'va'
    }

    It 'says so when the first word of NS PROGRAM ARGUMENTS names no namespace, and runs nothing' {
        $failure = $null
        try { Invoke-NetNamespaceCommand ping -- -c 1 $Far } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'NamespaceNotFound,IpipTools.Namespaces.InvokeNetNamespaceCommandCommand'
        "$failure" | Should -BeLike "No network namespace is named 'ping': the first word, 'ping', was read as the namespace (Invoke-NetNamespaceCommand NS PROGRAM ARGUMENTS)*"
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*-FilePath ping*'
    }

    It 'still takes parameters written out after the program, as -ErrorAction SilentlyContinue' {
        Invoke-NetNamespaceCommand -NetNamespace $A /bin/sh '-c' 'echo out; exit 4' -ErrorVariable failure -ErrorAction SilentlyContinue | Should -Be 'out'
        $LASTEXITCODE | Should -Be 4
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NativeCommandFailed,*'
    }

    It 'still takes its own parameters before the program, and -FilePath with -ArgumentList' {
        $result = Invoke-NetNamespaceCommand -NetNamespace $A -PassThru -- ip -j addr show dev va
        $result.ExitCode | Should -Be 0
        ($result.StandardOutput | ConvertFrom-Json).addr_info.local | Should -Contain '10.77.20.1'
        Invoke-NetNamespaceCommand -NetNamespace $A -FilePath /bin/echo -ArgumentList '-n', 'x' | Should -Be 'x'
    }

    It 'sets $LASTEXITCODE to 127 when the program is not found, as a shell does' {
        $global:LASTEXITCODE = 3
        $missing = 'ipt-no-such-program-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        { Invoke-NetNamespaceCommand -NetNamespace $A $missing -ErrorAction Stop } | Should -Throw -ErrorId 'NativeCommandNotFound,IpipTools.Namespaces.InvokeNetNamespaceCommandCommand'
        $LASTEXITCODE | Should -Be 127
    }

    It 'sets $LASTEXITCODE to 126 when the program is found but cannot be run' {
        $global:LASTEXITCODE = 3
        $plain = Join-Path $TestDrive 'not-executable'
        Set-Content -LiteralPath $plain -Value 'echo never'
        chmod 644 $plain
        { Invoke-NetNamespaceCommand -NetNamespace $A $plain -ErrorAction Stop } | Should -Throw -ErrorId 'NativeCommandNotFound,IpipTools.Namespaces.InvokeNetNamespaceCommandCommand'
        $LASTEXITCODE | Should -Be 126
    }

    It 'names the namespace in an error raised inside -ScriptBlock, not "the current namespace"' {
        Invoke-NetNamespaceCommand -NetNamespace $A -ScriptBlock { Get-NetLink ipt-nolink } -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure | Should -HaveCount 1
        "$($failure[0])" | Should -BeLike "*'ipt-nolink'*in namespace '$A'*"
        "$($failure[0])" | Should -Not -BeLike '*current namespace*'
        # Outside, the caller's namespace is still "the current namespace".
        Get-NetLink ipt-nolink -ErrorVariable here -ErrorAction SilentlyContinue
        "$($here[0])" | Should -BeLike '*in the current namespace*'
    }
}
