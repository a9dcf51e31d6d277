#!/bin/sh
# Adds to the app image's natives folder the symbolic links JavaCPP would otherwise make, or
# copy, at the first start. jpackage copies links as files (into the .deb too), hence two steps:
#   link-natives.sh DIR             before the .deb: the one name the dynamic linker needs
#   link-natives.sh DIR unversioned after the .deb: the names JavaCPP adds when it can write
set -eu
cd "$1"
if [ "${2:-}" = unversioned ]; then
  # JavaCPP links each versioned library it loads to its unversioned name, when the cache
  # folder (the app folder here) is writable; made in advance, the image stays as built.
  for f in lib*.so.[0-9]*; do
    ln -sf "$f" "${f%%.so.*}.so"
  done
else
  # OpenBLAS's no-LAPACK binding (libjniopenblas_nolapack.so) links to libopenblas_nolapack.so.0,
  # which is libopenblas.so.0 under another name. With the link the dynamic linker finds it
  # next to the binding, and JavaCPP, asked to load it under that name, finds it in place. The
  # same again for the build bundled with ND4J beside it, the fallback (see OpenBlas in the
  # engine).
  ln -sf libopenblas.so.0 libopenblas_nolapack.so.0
  (cd ../openblas-bundled && ln -sf libopenblas.so.0 libopenblas_nolapack.so.0)
fi
