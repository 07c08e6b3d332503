# The exported CMake package (find_package(VdsCore) → Vds::core), the Debian documentation
# files, and the packages cpack writes: two .debs (vdstudio, vdstudio-dev) and one .tar.gz of
# the whole install tree. Why the split and what lintian still says: installer/README.md.
include(CMakePackageConfigHelpers)

set(VDS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/VdsCore)
install(EXPORT VdsCoreTargets NAMESPACE Vds:: DESTINATION ${VDS_CMAKE_DIR} COMPONENT dev)
configure_package_config_file(cmake/VdsCoreConfig.cmake.in
  "${PROJECT_BINARY_DIR}/VdsCoreConfig.cmake" INSTALL_DESTINATION ${VDS_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/VdsCoreConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/VdsCoreConfig.cmake"
              "${PROJECT_BINARY_DIR}/VdsCoreConfigVersion.cmake"
        DESTINATION ${VDS_CMAKE_DIR} COMPONENT dev)

# --- Debian documentation: copyright and changelog, per package -----------------------------
# The changelog's newest entry must name the version project() declares: one version, checked
# here rather than trusted.
set(VDS_DEBIAN_DIR "${PROJECT_SOURCE_DIR}/installer/debian")
file(STRINGS "${VDS_DEBIAN_DIR}/changelog" _vds_changelog_head LIMIT_COUNT 1)
if(NOT _vds_changelog_head MATCHES "^vdstudio \\(${PROJECT_VERSION}\\) ")
  message(FATAL_ERROR "installer/debian/changelog starts with '${_vds_changelog_head}', "
    "not version ${PROJECT_VERSION}: add an entry for the new version")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${VDS_DEBIAN_DIR}/changelog")

# A native package (no Debian revision): policy 12.7 wants changelog.gz, gzip -9n (no name, no
# time stamp, so the file is reproducible).
find_program(VDS_GZIP gzip REQUIRED)
set(VDS_CHANGELOG_GZ "${PROJECT_BINARY_DIR}/debian/changelog.gz")
add_custom_command(OUTPUT "${VDS_CHANGELOG_GZ}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/debian"
  COMMAND ${VDS_GZIP} -9nc "${VDS_DEBIAN_DIR}/changelog" > "${VDS_CHANGELOG_GZ}"
  DEPENDS "${VDS_DEBIAN_DIR}/changelog" VERBATIM)
add_custom_target(vds_debian_docs ALL DEPENDS "${VDS_CHANGELOG_GZ}")
foreach(_pkg vdstudio vdstudio-dev)
  if(_pkg STREQUAL "vdstudio")
    set(_comp app)
  else()
    set(_comp dev)
  endif()
  install(FILES "${VDS_DEBIAN_DIR}/copyright" "${VDS_CHANGELOG_GZ}"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${_pkg} COMPONENT ${_comp})
endforeach()

# --- cpack ------------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_PACKAGE_NAME vdstudio)
set(CPACK_PACKAGE_VENDOR "Virtual Device Studio developers")
set(CPACK_PACKAGE_CONTACT "Virtual Device Studio developers <vdstudio@example.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL app dev)
# The .tar.gz is the whole tree (relocatable: the programs find their libraries through
# $ORIGIN); the .deb is split in two.
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)
set(CPACK_PROJECT_CONFIG_FILE "${PROJECT_SOURCE_DIR}/cmake/VdsCPackOptions.cmake")
set(CPACK_DEB_COMPONENT_INSTALL ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${PROJECT_BINARY_DIR}/lib")
# A shlibs file for our libraries (policy 8.6), and the ldconfig trigger (policy 8.1.1).
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_APP_PACKAGE_CONTROL_EXTRA "${VDS_DEBIAN_DIR}/triggers")
set(CPACK_DEBIAN_APP_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_APP_PACKAGE_NAME vdstudio)
set(CPACK_DEBIAN_APP_PACKAGE_SECTION admin)
# Loaded at run time, not linked (dpkg-shlibdeps cannot see them): Qt's X11 platform plugin,
# the SQLite driver (job history) and an ODBC driver for SQL Server.
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite")
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "tdsodbc")
# The peers a user checks our files with (qemu-img, zstd -d, age -d); the app never runs them.
set(CPACK_DEBIAN_APP_PACKAGE_SUGGESTS "qemu-utils, zstd, age")
# The first line is the synopsis, the rest the extended description.
set(CPACK_DEBIAN_APP_DESCRIPTION
  "SQL Server VDI backups and VHD/VHDX disk imaging\n\
Virtual Device Studio backs up and restores SQL Server on Linux databases\n\
through the Virtual Device Interface (striped, zstd-compressed and\n\
age-encrypted backups with manifests and checksums) and creates VHD and\n\
VHDX virtual disks or captures physical disks and images into them.\n\
.\n\
This package holds the desktop application (vdstudio), the command line\n\
(vdsctl), the SQL Server simulator vds-sqlsim for trying it without a\n\
server, and the shared libraries they use.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME vdstudio-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "vdstudio (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_DEV_DESCRIPTION
  "Virtual Device Studio core libraries - development files\n\
Headers under /usr/include/vds and the VdsCore CMake package\n\
(find_package(VdsCore), target Vds::core) for programs built on the Virtual\n\
Device Studio libraries, including Microsoft's VDI and VirtDisk C interfaces\n\
as implemented by libvdsbase and libvdssqlvdi.")
include(CPack)
