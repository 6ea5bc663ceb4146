# Into a namespace: Invoke-NetNamespaceCommand -ScriptBlock runs PowerShell inside one, and
# Enter-NetNamespace enters one at an interactive prompt. Each namespace holds a veth pair
# the host does not have, so what runs inside is told apart from the host by its links, with
# `ip -n NAME -j link` as the oracle. Namespaces are removed in AfterAll whatever happened.
Describe 'Invoke-NetNamespaceCommand -ScriptBlock' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Ns = 'ipt-sb-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        ip netns add $Ns
        ip -n $Ns link add sbv0 type veth peer name sbv1
        $script:Inside = @((Get-IpJson $Ns link show).ifname | Sort-Object)
    }

    AfterAll {
        if (Test-Path "/run/netns/$Ns") { ip netns delete $Ns }
    }

    It 'runs native programs inside: ip -j link lists the namespace''s links' {
        $links = Invoke-NetNamespaceCommand -NetNamespace $Ns -ScriptBlock { ip -j link | ConvertFrom-Json }
        @($links.ifname | Sort-Object) | Should -Be $Inside
        $links.ifname | Should -Contain 'sbv0'
        (ip -j link | ConvertFrom-Json).ifname | Should -Not -Contain 'sbv0'
    }

    It 'runs IpipTools inside, and its objects come back naming the namespace' {
        $links = Invoke-NetNamespaceCommand -NetNamespace $Ns -ScriptBlock { Get-NetLink }
        @($links.Name | Sort-Object) | Should -Be $Inside
        $links[0].pstypenames[0] | Should -Be 'Deserialized.IpipTools.Core.Rtnl.Links.Link'
        $links.Namespace | Select-Object -Unique | Should -Be $Ns
        # Piped on, they bind -NetNamespace and keep the next cmdlet in the namespace.
        $again = $links | Where-Object Name -eq 'sbv0' | Get-NetLink
        @($again.Name | Sort-Object) | Should -Be $Inside
    }

    It 'passes $using: values and -ArgumentList' {
        $word = 'hello'
        $numbers = 1, 2, 3
        $result = Invoke-NetNamespaceCommand -NetNamespace $Ns -ScriptBlock {
            param($first, $second)
            "$using:word $first $second $(($using:numbers | Measure-Object -Sum).Sum)"
        } -ArgumentList 'a', 42
        $result | Should -Be 'hello a 42 6'
    }

    It 'runs in a process of its own in the namespace, and the caller''s thread stays' {
        $before = (Get-Item /proc/thread-self/ns/net).Target
        $inside = Invoke-NetNamespaceCommand -NetNamespace $Ns -ScriptBlock { [pscustomobject]@{ Pid = $PID; Net = (Get-Item /proc/thread-self/ns/net).Target } }
        $inside.Pid | Should -Not -Be $PID
        $inside.Net | Should -Be (ip netns exec $Ns readlink /proc/self/ns/net)
        $inside.Net | Should -Not -Be $before
        (Get-Item /proc/thread-self/ns/net).Target | Should -Be $before
        # The server ended with the command.
        Start-Sleep -Milliseconds 500
        Test-Path "/proc/$($inside.Pid)" | Should -BeFalse
    }

    It 'writes the script block''s errors as error records and goes on' {
        $output = Invoke-NetNamespaceCommand -NetNamespace $Ns -ScriptBlock { 'before'; Write-Error 'inside went wrong'; 'after' } -ErrorVariable failure -ErrorAction SilentlyContinue
        $output | Should -Be @('before', 'after')
        $failure | Should -HaveCount 1
        "$($failure[0])" | Should -Be 'inside went wrong'
    }

    It 'ends at exit inside, with what came before it and no error' {
        $output = Invoke-NetNamespaceCommand -NetNamespace $Ns -ScriptBlock { $PID; exit; 'not reached' } -ErrorVariable failure
        $failure | Should -BeNullOrEmpty
        $output | Should -HaveCount 1
        Start-Sleep -Milliseconds 500
        Test-Path "/proc/$output" | Should -BeFalse
    }

    It 'is not an entered namespace: Exit-NetNamespace inside has nothing to leave' {
        $said = Invoke-NetNamespaceCommand -NetNamespace $Ns -ScriptBlock { Exit-NetNamespace } -ErrorVariable failure -ErrorAction SilentlyContinue
        $said | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NoNamespaceEntered*'
    }

    It 'stops on a terminating error inside with -ErrorAction Stop' {
        { Invoke-NetNamespaceCommand -NetNamespace $Ns -ScriptBlock { throw 'thrown inside' } -ErrorAction Stop } | Should -Throw '*thrown inside*'
    }

    It 'refuses a namespace that does not exist, clearly, and starts nothing' {
        $missing = 'ipt-sb-missing-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        Invoke-NetNamespaceCommand -NetNamespace $missing -ScriptBlock { 'ran' } -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'NamespaceNotFound,*'
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        "$($failure[0])" | Should -BeLike "*'$missing' does not exist*"
        $failure[0].ErrorDetails.RecommendedAction | Should -BeLike '*New-NetNamespace*'
    }
}

# Enter-NetNamespace at a real prompt: a pwsh on a pseudo-terminal, with lines typed in, as
# the console host only pushes a runspace between commands typed at its prompt.
Describe 'Enter-NetNamespace in an interactive pwsh' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Ns = 'ipt-ent-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        ip netns add $Ns
        ip -n $Ns link add entv0 type veth peer name entv1
        $script:Inside = ((Get-IpJson $Ns link show).ifname | Sort-Object) -join ','
        $script:Run = Invoke-InteractivePwsh @(
            "Enter-NetNamespace $Ns"
            "'LINKS=' + (((ip -j link | ConvertFrom-Json).ifname | Sort-Object) -join ',')"
            "'CMDLET=' + (((Get-NetLink).Name | Sort-Object) -join ',')"
            "'SERVER=' + `$PID"
            # The pwsh typed into (the server's parent): the namespaces of all its threads.
            "'CLIENT-THREADS=' + ((Get-Item /proc/`$((Get-Process -Id `$PID).Parent.Id)/task/*/ns/net).Target | Sort-Object -Unique)"
            # Inside, the words of Invoke-NetNamespaceCommand are PROGRAM ARGUMENTS, run there.
            "'INVOKE=' + (((Invoke-NetNamespaceCommand ip -- -j link | ConvertFrom-Json).ifname | Sort-Object) -join ',')"
            "Enter-NetNamespace $Ns"
            # A script block's shell started from inside is not an entered one: leaving it leaves nothing.
            "Invoke-NetNamespaceCommand -NetNamespace $Ns -ScriptBlock { Exit-NetNamespace } -ErrorAction SilentlyContinue; 'STILL=' + ((ip -j link | ConvertFrom-Json).ifname -contains 'entv0')"
            'exit'
            "'AFTER-EXIT=' + ((ip -j link | ConvertFrom-Json).ifname -contains 'entv0') + ' ' + ((Get-NetLink).Name -contains 'entv0')"
            "Enter-NetNamespace $Ns"
            "'AGAIN=' + ((ip -j link | ConvertFrom-Json).ifname -contains 'entv0')"
            'Exit-NetNamespace'
            "'AFTER-EXIT-NETNAMESPACE=' + ((ip -j link | ConvertFrom-Json).ifname -contains 'entv0') + ' ' + ((Get-NetLink).Name -contains 'entv0')"
            'exit'
        )
        $script:Said = @{}
        foreach ($match in [regex]::Matches($Run.Screen, '(?m)^(LINKS|CMDLET|INVOKE|SERVER|CLIENT-THREADS|STILL|AFTER-EXIT|AGAIN|AFTER-EXIT-NETNAMESPACE)=(.*)$')) {
            $Said[$match.Groups[1].Value] = $match.Groups[2].Value.Trim()
        }
    }

    AfterAll {
        if (Test-Path "/run/netns/$Ns") { ip netns delete $Ns }
    }

    It 'shows the namespace in the prompt, as [NAME]: PS PATH>' {
        $Run.Screen | Should -Match ([regex]::Escape("[$Ns]: PS ") + '/\S*> ')
        $Run.ExitCode | Should -Be 0 -Because $Run.Screen
    }

    It 'runs native commands typed there inside: ip link shows the namespace''s links' {
        $Said['LINKS'] | Should -Be $Inside -Because $Run.Screen
    }

    It 'runs IpipTools cmdlets there inside, with no -NetNamespace' {
        $Said['CMDLET'] | Should -Be $Inside -Because $Run.Screen
    }

    It 'runs Invoke-NetNamespaceCommand PROGRAM ARGUMENTS typed there inside, with no namespace named' {
        $Said['INVOKE'] | Should -Be $Inside -Because $Run.Screen
    }

    It 'moves none of the threads of the pwsh typed into' {
        $Said['CLIENT-THREADS'] | Should -Be (Get-Item /proc/self/ns/net).Target -Because $Run.Screen
    }

    It 'refuses to enter another namespace from inside one, saying to exit first' {
        $Run.Screen | Should -Match "already inside namespace '$Ns'"
        $Run.Screen | Should -Match 'Leave it with Exit-NetNamespace'
    }

    It 'runs Invoke-NetNamespaceCommand -ScriptBlock from inside, whose Exit-NetNamespace leaves nothing' {
        $Said['STILL'] | Should -Be 'True' -Because $Run.Screen
    }

    It 'returns with exit, and ends the pwsh it started inside' {
        $Said['AFTER-EXIT'] | Should -Be 'False False' -Because $Run.Screen
        $Said['SERVER'] | Should -Match '^\d+$'
        Test-Path "/proc/$($Said['SERVER'])" | Should -BeFalse
    }

    It 'returns with Exit-NetNamespace, and IpipTools no longer defaults there' {
        $Said['AGAIN'] | Should -Be 'True' -Because $Run.Screen
        $Said['AFTER-EXIT-NETNAMESPACE'] | Should -Be 'False False' -Because $Run.Screen
    }

    It 'leaves no pwsh inside behind when the pwsh typed into is killed' {
        $run = Invoke-InteractivePwsh @(
            "Enter-NetNamespace $Ns"
            "'SERVER=' + `$PID"
            'Stop-Process -Id (Get-Process -Id $PID).Parent.Id -Force'
        )
        $server = [regex]::Match($run.Screen, '(?m)^SERVER=(\d+)').Groups[1].Value
        $server | Should -Match '^\d+$' -Because $run.Screen
        $run.ExitCode | Should -Not -Be 0
        # The kernel closed the killed pwsh's end of the server's standard input: it ended.
        $deadline = (Get-Date).AddSeconds(10)
        while ((Test-Path "/proc/$server") -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Test-Path "/proc/$server" | Should -BeFalse
    }
}

# A runspace hosted by a program has no prompt to push a session onto: Enter-NetNamespace says
# so, names what to use instead, and still makes the namespace IpipTools' default there.
Describe 'Enter-NetNamespace in a host that cannot push a session' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Ns = 'ipt-hosted-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        ip netns add $Ns
        ip -n $Ns link add hsv0 type veth peer name hsv1
        $script:Hosted = [powershell]::Create()
        [void]$Hosted.AddScript('param($module, $ns) Import-Module $module; Enter-NetNamespace $ns; [pscustomobject]@{ Cmdlet = @((Get-NetLink).Name | Sort-Object); Native = @((ip -j link | ConvertFrom-Json).ifname | Sort-Object) }').
            AddArgument($env:IPIPTOOLS_MODULE ?? (Join-Path $PSScriptRoot '../../IpipTools.psd1')).AddArgument($Ns)
        $script:Output = $Hosted.Invoke() | Select-Object -First 1
    }

    AfterAll {
        $Hosted.Dispose()
        if (Test-Path "/run/netns/$Ns") { ip netns delete $Ns }
    }

    It 'warns that only IpipTools cmdlets default there, and names Invoke-NetNamespaceCommand -ScriptBlock' {
        $Hosted.Streams.Error | Should -BeNullOrEmpty
        $warning = @($Hosted.Streams.Warning)
        $warning | Should -HaveCount 1
        "$($warning[0])" | Should -BeLike "*cannot enter an interactive session*only IpipTools cmdlets*'$Ns'*"
        "$($warning[0])" | Should -BeLike "*Invoke-NetNamespaceCommand -NetNamespace $Ns -ScriptBlock*"
    }

    It 'makes the namespace the default of IpipTools cmdlets, while native programs stay here' {
        $Output.Cmdlet | Should -Be @((Get-IpJson $Ns link show).ifname | Sort-Object)
        # ip ran here: it lists links (lo at least), and not the namespace's veth.
        $Output.Native | Should -Contain 'lo'
        $Output.Native | Should -Not -Contain 'hsv0'
    }
}

# Enter-NetNamespace in a script run by pwsh -File: the host pushes the shell only when the
# script ends, so what the script runs natively still runs here. It says so, naming
# Invoke-NetNamespaceCommand, and a second Enter is refused rather than stacked.
Describe 'Enter-NetNamespace in a script' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Ns = 'ipt-scr-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $script:Other = "$Ns-b"
        ip netns add $Ns
        ip netns add $Other
        ip -n $Ns link add scv0 type veth peer name scv1
        $script = Join-Path $TestDrive 'enter.ps1'
        Set-Content -LiteralPath $script -Value @'
param($module, $ns, $other)
Import-Module $module
$warnings = Enter-NetNamespace $ns 3>&1
foreach ($warning in $warnings) { 'WARNING=' + $warning }
'NATIVE=' + ((ip -j link | ConvertFrom-Json).ifname -contains 'scv0')
'CMDLET=' + ((Get-NetLink).Name -contains 'scv0')
try { Enter-NetNamespace $other -ErrorAction Stop; 'SECOND=entered' } catch { 'SECOND=' + $_.FullyQualifiedErrorId; 'SECOND-MESSAGE=' + $_; 'SECOND-ACTION=' + $_.ErrorDetails.RecommendedAction }
'STILL=' + ((Get-NetLink).Name -contains 'scv0')
Exit-NetNamespace
'AFTER-EXIT=' + ((Get-NetLink).Name -contains 'scv0')
'@
        $pwsh = Get-PwshCommandLine
        $module = $env:IPIPTOOLS_MODULE ?? (Resolve-Path (Join-Path $PSScriptRoot '../../IpipTools.psd1')).Path
        $script:Lines = @(& $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoLogo -NoProfile -NonInteractive -File $script $module $Ns $Other 2>&1 | ForEach-Object { "$_" })
        $script:Said = @{}
        foreach ($line in $Lines) {
            if ($line -match '^([A-Z-]+)=(.*)$') { $Said[$Matches[1]] = $Matches[2] }
        }
    }

    AfterAll {
        foreach ($name in $Ns, $Other) { if (Test-Path "/run/netns/$name") { ip netns delete $name } }
    }

    It 'warns that native programs still run here, naming Invoke-NetNamespaceCommand' {
        $Said['WARNING'] | Should -BeLike "*native programs*still run in the current namespace*" -Because ($Lines -join "`n")
        $Said['WARNING'] | Should -BeLike "*Invoke-NetNamespaceCommand -NetNamespace $Ns -- PROGRAM*"
    }

    It 'tells the truth: ip in the script lists this namespace''s links, IpipTools cmdlets the entered one''s' {
        $Said['NATIVE'] | Should -Be 'False' -Because ($Lines -join "`n")
        $Said['CMDLET'] | Should -Be 'True' -Because ($Lines -join "`n")
    }

    It 'refuses a second Enter, saying to run Exit-NetNamespace first, and stays in the first' {
        $Said['SECOND'] | Should -Be 'NamespaceAlreadyEntered,IpipTools.Namespaces.EnterNetNamespaceCommand' -Because ($Lines -join "`n")
        $Said['SECOND-MESSAGE'] | Should -BeLike "*already entered namespace '$Ns'*"
        $Said['SECOND-ACTION'] | Should -BeLike "Run Exit-NetNamespace first, then Enter-NetNamespace $Other*"
        $Said['STILL'] | Should -Be 'True'
        $Said['AFTER-EXIT'] | Should -Be 'False'
    }
}

# The same refusal where the host cannot push a session (a runspace hosted by a program).
Describe 'Enter-NetNamespace twice in a hosted runspace' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')
        $script:Ns = 'ipt-twice-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        ip netns add $Ns
        ip netns add "$Ns-b"
    }

    AfterAll {
        foreach ($name in $Ns, "$Ns-b") { if (Test-Path "/run/netns/$name") { ip netns delete $name } }
    }

    It 'refuses the second and keeps the first as the default' {
        $hosted = [powershell]::Create()
        try {
            [void]$hosted.AddScript('param($module, $ns) Import-Module $module; Enter-NetNamespace $ns -WarningAction SilentlyContinue; Enter-NetNamespace "$ns-b" -WarningAction SilentlyContinue; (Get-NetNamespace | Select-Object -First 0); Exit-NetNamespace -PassThru | ForEach-Object { "default after one exit: $($_.Name)" }').
                AddArgument($env:IPIPTOOLS_MODULE ?? (Join-Path $PSScriptRoot '../../IpipTools.psd1')).AddArgument($Ns)
            $output = $hosted.Invoke()
            $hosted.Streams.Error | Should -HaveCount 1
            $hosted.Streams.Error[0].FullyQualifiedErrorId | Should -Be 'NamespaceAlreadyEntered,IpipTools.Namespaces.EnterNetNamespaceCommand'
            # One Exit leaves the only entry: the default is the caller's namespace again (no name).
            $output | Should -Be 'default after one exit: '
        }
        finally {
            $hosted.Dispose()
        }
    }
}
