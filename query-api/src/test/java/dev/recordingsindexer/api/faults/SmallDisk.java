package dev.recordingsindexer.api.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tmpfs of a given size mounted on a directory (needs root): a disk that fills up. {@link
 * #resize} grows or shrinks it in place, keeping its files; {@link #close} unmounts it.
 */
final class SmallDisk implements AutoCloseable {

  private final Path mountPoint;
  private boolean mounted; // guarded by this

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts a tmpfs of {@code megabytes} on {@code mountPoint} (created when missing). */
  static SmallDisk mount(Path mountPoint, int megabytes) {
    try {
      Files.createDirectories(mountPoint);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + mountPoint, e);
    }
    SmallDisk disk = new SmallDisk(mountPoint);
    Os.run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mountPoint.toString());
    disk.mounted = true;
    Runtime.getRuntime().addShutdownHook(new Thread(disk::close, "small-disk-unmount"));
    return disk;
  }

  Path path() {
    return mountPoint;
  }

  /** Changes the size, keeping the files. */
  void resize(int megabytes) {
    Os.run("mount", "-o", "remount,size=" + megabytes + "m", mountPoint.toString());
  }

  /** {@code df} of the mount point, for the log. */
  String usage() {
    return Os.run("df", "-k", mountPoint.toString()).strip().replaceAll("\\s+", " ");
  }

  /** Unmounts; idempotent (also run at JVM exit, in case a test was interrupted). */
  @Override
  public synchronized void close() {
    if (mounted) {
      if (!Os.tryRun("umount", mountPoint.toString())) {
        Os.run("umount", "-l", mountPoint.toString());
      }
      mounted = false;
    }
  }
}
