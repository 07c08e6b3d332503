# vds_policy: the one compile-policy target every project target links.
add_library(vds_policy INTERFACE)
add_library(Vds::policy ALIAS vds_policy)

target_compile_features(vds_policy INTERFACE cxx_std_23)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(vds_policy INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wnull-dereference -Wformat=2
  $<$<BOOL:${VDS_WERROR}>:-Werror>)
target_compile_definitions(vds_policy INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_BEFORE=0x060400)
target_include_directories(vds_policy INTERFACE "$<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>")

# Qt's moc output trips a few of the stricter warnings; keep them for our own code only.
set(CMAKE_AUTOMOC ON)
set(CMAKE_AUTORCC ON)
