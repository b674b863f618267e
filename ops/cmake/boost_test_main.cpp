// The one Boost.Test entry point every test binary shares.
#define BOOST_TEST_MODULE robson
#include <boost/test/unit_test.hpp>
