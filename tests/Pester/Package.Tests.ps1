# The package users install, installed as they install it: the published module folder goes to
# a local folder repository with Publish-PSResource, comes back with Install-PSResource, and a
# fresh pwsh imports it by autoloading when a cmdlet is typed. Every pwsh here is a new
# process with no environment but a HOME of its own (a scratch folder) and PATH, so
# PSResourceGet's repository list and the CurrentUser module folder are that home's, first on
# the child's PSModulePath, and nothing of this session (its PSModulePath, the module it
# imported) can stand in for the installed copy.
#
# The systemd unit that ships in the package is checked from the installed folder too:
# systemd-analyze verify, then its ExecStart command line run as systemd would run it.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Helpers.ps1')

    # The module folder the suites import (out/IpipTools): what build.ps1 -Package packs.
    $script:ModuleFolder = Split-Path (Get-Command Get-NetLink).DLL
    $script:Version = (Import-PowerShellDataFile (Join-Path $ModuleFolder 'IpipTools.psd1')).ModuleVersion
    # Not TestDrive: Pester empties that at the end of each Describe, and the installed
    # package must outlive the first one.
    $script:Scratch = (New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) "ipiptools-package-$([guid]::NewGuid().ToString('N'))")).FullName
    $script:UserHome = Join-Path $Scratch 'home'
    $script:Repository = Join-Path $Scratch 'repository'
    $script:UserModules = Join-Path $UserHome '.local/share/powershell/Modules'
    $script:Shims = New-PwshShim (Join-Path $Scratch 'bin')
    $null = New-Item -ItemType Directory $UserHome, $Repository

    # Runs a script in a fresh pwsh with only HOME and PATH set; returns its exit code,
    # what it wrote to stdout (a script ends with one JSON line for the test to read) and stderr.
    function Invoke-FreshPwsh {
        param(
            [Parameter(Mandatory)] [string] $Script,
            [string[]] $ArgumentList = @()
        )
        $file = Join-Path $Scratch "child-$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content $file $Script
        Invoke-WithEnvironment @{ HOME = $UserHome; PATH = $env:PATH } (@(Get-PwshCommandLine) + @('-NoLogo', '-NoProfile', '-NonInteractive', '-File', $file) + $ArgumentList)
    }

    # Runs a command line with exactly the given environment (env -i), as a service manager
    # does, in the scratch folder unless told otherwise (Publish-PSResource leaves a
    # NuGet/NuGet.Config in the folder it runs in).
    function Invoke-WithEnvironment {
        param(
            [Parameter(Mandatory)] [hashtable] $Environment,
            [Parameter(Mandatory)] [string[]] $CommandLine,
            [string] $WorkingDirectory = $Scratch
        )
        $pairs = foreach ($name in $Environment.Keys) { "$name=$($Environment[$name])" }
        $stderr = Join-Path $Scratch 'stderr.txt'
        Push-Location $WorkingDirectory
        try {
            $stdout = & /usr/bin/env -i @pairs @CommandLine 2>$stderr
        }
        finally {
            Pop-Location
        }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($stdout); Errors = (Get-Content -Raw $stderr) }
    }

    function Assert-Succeeded {
        param([Parameter(Mandatory)] $Result)
        $Result.ExitCode | Should -Be 0 -Because "the child failed: $($Result.Errors) $($Result.Output)"
    }

    $script:Namespace = New-NamespaceName
}

AfterAll {
    Remove-NamespaceIfPresent $Namespace
    Remove-Item -Recurse -Force $Scratch -ErrorAction Ignore
}

Describe 'The package, installed as users install it' {
    It 'publishes to a local folder repository and installs from it into the CurrentUser module folder' {
        $result = Invoke-FreshPwsh -ArgumentList $Repository, $ModuleFolder -Script @'
param($Repository, $ModuleFolder)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name IpipToolsLocal -Uri $Repository -Trusted
Publish-PSResource -Path $ModuleFolder -Repository IpipToolsLocal
Install-PSResource -Name IpipTools -Repository IpipToolsLocal
Get-InstalledPSResource -Name IpipTools | Select-Object Name, @{ n = 'Version'; e = { "$($_.Version)" } }, InstalledLocation | ConvertTo-Json -Compress
'@
        Assert-Succeeded $result
        Get-ChildItem $Repository -Filter *.nupkg | ForEach-Object Name | Should -Be "IpipTools.$Version.nupkg"
        $installed = $result.Output[-1] | ConvertFrom-Json
        $installed.Name | Should -Be 'IpipTools'
        $installed.Version | Should -Be $Version
        $installed.InstalledLocation | Should -Be $UserModules
        Join-Path $UserModules "IpipTools/$Version/IpipTools.psd1" | Should -Exist
    }

    It 'is imported by autoloading when a cmdlet is typed, and its cmdlets work' {
        $result = Invoke-FreshPwsh -ArgumentList $Namespace -Script @'
param($Namespace)
$ErrorActionPreference = 'Stop'
$loadedBefore = @(Get-Module IpipTools).Count
$lo = Get-NetLink -Name lo
$module = Get-Module IpipTools
$made = New-NetNamespace $Namespace
$read = Get-NetNamespace $Namespace
$inside = Get-NetLink -NetNamespace $Namespace
[pscustomobject]@{
    LoadedBefore = $loadedBefore
    ModuleBase   = $module.ModuleBase
    Version      = "$($module.Version)"
    Lo           = $lo.Name
    Made         = $made.Name
    Read         = $read.Path
    Inside       = @($inside.Name)
} | ConvertTo-Json -Compress
'@
        Assert-Succeeded $result
        $seen = $result.Output[-1] | ConvertFrom-Json
        $seen.LoadedBefore | Should -Be 0
        $seen.ModuleBase | Should -Be (Join-Path $UserModules "IpipTools/$Version")
        $seen.Version | Should -Be $Version
        $seen.Lo | Should -Be 'lo'
        $seen.Made | Should -Be $Namespace
        $seen.Read | Should -Be "/run/netns/$Namespace"
        $seen.Inside | Should -Be @((Get-IpJson $Namespace link show).ifname)
        ip netns list | ForEach-Object { ($_ -split ' ')[0] } | Should -Contain $Namespace
    }

    It 'holds the DSC resource manifest at the module folder''s root, with the module''s version' {
        $installedFolder = Join-Path $UserModules "IpipTools/$Version"
        $resource = Get-Content -Raw (Join-Path $installedFolder 'IpipTools.Topology.dsc.resource.json') | ConvertFrom-Json
        $resource.type | Should -Be 'IpipTools/Topology'
        $resource.version | Should -Be $Version
        Join-Path $installedFolder $resource.get.args[4] | Should -Exist
        Join-Path $installedFolder 'LICENSE' | Should -Exist
    }
}

Describe 'The systemd unit in the installed package' {
    BeforeAll {
        $script:Unit = Join-Path $UserModules "IpipTools/$Version/systemd/ipiptools-topology@.service"
        $script:Instance = "pester-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $script:TopologyFile = "/etc/ipiptools/$Instance.psd1"
        $script:MadeEtcFolder = -not (Test-Path /etc/ipiptools)
    }

    AfterAll {
        Remove-Item $TopologyFile -ErrorAction Ignore
        if ($MadeEtcFolder) { Remove-Item /etc/ipiptools -ErrorAction Ignore }
    }

    It 'runs the command about_IpipTools shows' {
        $execStart = [regex]::Match((Get-Content -Raw $Unit), '(?m)^ExecStart=(.*)$').Groups[1].Value
        $shown = $execStart -replace '^/usr/bin/env ', '' -replace '%i', 'NAME' -replace '\$\$', '$$'
        $about = (Get-Help about_IpipTools | Out-String) -split '\r?\n' | ForEach-Object Trim
        $about | Should -Contain $shown
    }

    It 'passes systemd-analyze verify with no warning' {
        $Unit | Should -Exist
        # verify reads a template by its file name, as systemctl would, and instantiates it.
        $copy = Join-Path (New-Item -ItemType Directory (Join-Path $TestDrive 'units')) (Split-Path -Leaf $Unit)
        Copy-Item $Unit $copy
        $stderr = Join-Path $TestDrive 'verify.txt'
        $out = systemd-analyze verify --man=no $copy 2>$stderr
        $LASTEXITCODE | Should -Be 0 -Because (Get-Content -Raw $stderr)
        # Unknown keys and values systemd cannot parse are warnings with exit code 0.
        "$(Get-Content -Raw $stderr)$out".Trim() | Should -BeNullOrEmpty
    }

    It 'converges /etc/ipiptools/NAME.psd1 when its ExecStart runs as systemd runs it' {
        $text = Get-Content -Raw $Unit
        $service = [regex]::Match($text, '(?ms)^\[Service\]\s*$(.*?)(?=^\[|\z)').Groups[1].Value
        $execStart = [regex]::Matches($service, '(?m)^ExecStart=(.*)$') | ForEach-Object { $_.Groups[1].Value }
        @($execStart).Count | Should -Be 1

        # systemd's word splitting (double quotes group words), then its specifiers: %i is
        # the instance, $$ a literal $. Anything else of either kind is a form this test does
        # not know, so it fails rather than run something else than systemd would.
        $words = [regex]::Matches($execStart, '"([^"]*)"|(\S+)') | ForEach-Object { if ($_.Groups[1].Success) { $_.Groups[1].Value } else { $_.Groups[2].Value } }
        $words = $words | ForEach-Object { $_.Replace('%i', $Instance) }
        ($words -join ' ') -replace '\$\$', '' | Should -Not -Match '[%$]'
        $commandLine = @($words | ForEach-Object { $_.Replace('$$', '$') })
        $commandLine[0] | Should -BeLike '/*' -Because 'the unit names its program by its full path'

        $environment = @{}
        foreach ($line in [regex]::Matches($service, '(?m)^Environment=(\S+?)=(.*)$')) {
            $environment[$line.Groups[1].Value] = $line.Groups[2].Value
        }
        $environment.Keys | Should -Contain 'PATH'
        $environment.Keys | Should -Contain 'HOME'
        # Two changes, both for this machine: root's home is the test's own home (where the
        # package was installed for the "CurrentUser"), and this machine's pwsh, a dotnet
        # tool, is put before the folders the unit looks in.
        $environment['HOME'] = $UserHome
        $environment['PATH'] = "${Shims}:$($environment['PATH'])"

        $null = New-Item -ItemType Directory -Force /etc/ipiptools
        Set-Content $TopologyFile @"
@{
    Namespaces = @(
        @{
            Name      = '$Namespace'
            Bridges   = @( @{ Name = 'boot0' } )
            Addresses = @( @{ Device = 'boot0'; Address = '198.18.77.1/24' } )
        }
    )
}
"@
        # A service starts in / (systemd's default WorkingDirectory).
        $result = Invoke-WithEnvironment $environment $commandLine -WorkingDirectory /
        Assert-Succeeded $result

        $bridge = Get-IpLink $Namespace 'boot0'
        $bridge.linkinfo.info_kind | Should -Be 'bridge'
        $bridge.ifalias | Should -Be 'ipiptools:managed'
        $address = Get-IpJsonAddress $Namespace 'boot0'
        "$($address.local)/$($address.prefixlen)" | Should -Be '198.18.77.1/24'
    }
}

Describe 'Uninstalling the package' {
    It 'is removed by Uninstall-PSResource' {
        $result = Invoke-FreshPwsh -ArgumentList $Namespace -Script @'
param($Namespace)
$ErrorActionPreference = 'Stop'
Remove-NetNamespace $Namespace -Confirm:$false
Uninstall-PSResource -Name IpipTools
[pscustomobject]@{ Left = @(Get-Module -ListAvailable IpipTools).Count } | ConvertTo-Json -Compress
'@
        Assert-Succeeded $result
        ($result.Output[-1] | ConvertFrom-Json).Left | Should -Be 0
        ip netns list | ForEach-Object { ($_ -split ' ')[0] } | Should -Not -Contain $Namespace
        Join-Path $UserModules 'IpipTools' | Get-ChildItem -ErrorAction Ignore | Should -BeNullOrEmpty
    }
}
