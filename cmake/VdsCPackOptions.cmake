# Read by cpack for each generator (CPACK_PROJECT_CONFIG_FILE).
if(CPACK_GENERATOR STREQUAL "TGZ")
  # The .tar.gz holds the tree itself (bin/, lib/, include/, share/) to unpack anywhere.
  set(CPACK_PACKAGING_INSTALL_PREFIX "")
elseif(CPACK_GENERATOR STREQUAL "DEB")
  # Each package's description starts with its own synopsis; cpack would otherwise prepend
  # the project's one-line summary to both.
  unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
endif()
