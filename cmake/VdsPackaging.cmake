# The exported CMake package (find_package(VdsCore) → Vds::core) and the .deb (cpack).
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

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vdstudio)
set(CPACK_PACKAGE_VENDOR "Virtual Device Studio developers")
set(CPACK_PACKAGE_CONTACT "Virtual Device Studio developers <vdstudio@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
  "Virtual Device Studio backs up and restores SQL Server databases through the Virtual\n\
Device Interface and creates or captures VHD/VHDX virtual disks. Includes the GUI\n\
(vdstudio), the command line (vdsctl) and the core library with its CMake package.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${PROJECT_BINARY_DIR}/lib")
# Loaded at run time, not linked: Qt's X11 platform plugin and SQLite driver (history).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "tdsodbc, zstd, age, qemu-utils")
set(CPACK_STRIP_FILES ON)
include(CPack)
