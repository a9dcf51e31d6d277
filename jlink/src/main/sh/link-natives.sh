#!/bin/sh
# Adds to the app image's natives folder the symbolic links JavaCPP would otherwise make, or
# copy, at the first start. jpackage copies links as files, so this runs on the finished image.
#   usage: link-natives.sh DIR
set -eu
cd "$1"
# OpenBLAS's no-LAPACK binding (libjniopenblas_nolapack.so) links to libopenblas_nolapack.so.0,
# which is libopenblas.so.0 under another name. With a link the dynamic linker finds it next to
# the binding, and JavaCPP, asked to load it under that name, finds it already in place.
ln -sf libopenblas.so.0 libopenblas_nolapack.so.0
# JavaCPP also links each versioned library to its unversioned name after loading it.
for f in lib*.so.[0-9]*; do
  ln -sf "$f" "${f%%.so.*}.so"
done
