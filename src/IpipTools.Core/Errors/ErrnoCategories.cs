using IpipTools.Core.Interop;

namespace IpipTools.Core.Errors;

/// <summary>The single mapping from an errno to an <see cref="IpipErrorCategory"/>.</summary>
public static class ErrnoCategories
{
    public static IpipErrorCategory FromErrno(int errno) => errno switch
    {
        Errno.EEXIST or Errno.EADDRINUSE => IpipErrorCategory.ResourceExists,
        Errno.ENOENT or Errno.ENODEV or Errno.ESRCH or Errno.EADDRNOTAVAIL => IpipErrorCategory.ObjectNotFound,
        Errno.EPERM or Errno.EACCES => IpipErrorCategory.PermissionDenied,
        Errno.EINVAL or Errno.ERANGE or Errno.ENAMETOOLONG => IpipErrorCategory.InvalidArgument,
        Errno.EOPNOTSUPP or Errno.EPROTONOSUPPORT or Errno.EAFNOSUPPORT => IpipErrorCategory.NotInstalled,
        Errno.EBUSY or Errno.ENOTEMPTY => IpipErrorCategory.ResourceBusy,
        Errno.ENOBUFS or Errno.ENOMEM or Errno.ENOSPC or Errno.EMFILE or Errno.ENFILE => IpipErrorCategory.LimitsExceeded,
        Errno.ENETDOWN or Errno.ENETUNREACH or Errno.EHOSTUNREACH => IpipErrorCategory.ResourceUnavailable,
        _ => IpipErrorCategory.NotSpecified,
    };
}
