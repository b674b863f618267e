#include "static_files.hpp"

#include "http_errors.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

using robson::api::ApiError;
using robson::api::StaticFiles;

namespace {

/// A throw-away web root with index.html, app.js and a secret beside (outside) it.
struct WebRoot {
    WebRoot() {
        base = std::filesystem::temp_directory_path() /
               ("robson-api-static-" + std::to_string(::getpid()));
        std::filesystem::create_directories(base / "web" / "assets");
        std::ofstream(base / "web" / "index.html") << "<html>index</html>";
        std::ofstream(base / "web" / "assets" / "app.js") << "console.log(1)";
        std::ofstream(base / "secret.txt") << "secret";
        std::filesystem::create_symlink(base / "secret.txt", base / "web" / "link.txt");
    }
    ~WebRoot() { std::filesystem::remove_all(base); }
    WebRoot(const WebRoot&) = delete;
    WebRoot& operator=(const WebRoot&) = delete;
    WebRoot(WebRoot&&) = delete;
    WebRoot& operator=(WebRoot&&) = delete;

    std::filesystem::path base;
};

bool refused(const StaticFiles& files, const std::string& path) {
    try {
        (void)files.serve(path);
    } catch (const ApiError& error) {
        return error.status() == 404;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(static_files)

BOOST_AUTO_TEST_CASE(files_are_served_with_their_content_type) {
    const WebRoot root;
    const StaticFiles files(root.base / "web");
    const auto index = files.serve("/");
    BOOST_TEST(index.body == "<html>index</html>");
    BOOST_TEST(index.content_type == "text/html; charset=utf-8");
    const auto script = files.serve("/assets/app.js");
    BOOST_TEST(script.body == "console.log(1)");
    BOOST_TEST(script.content_type == "text/javascript; charset=utf-8");
}

BOOST_AUTO_TEST_CASE(client_side_routes_get_index_html_and_missing_assets_404) {
    const WebRoot root;
    const StaticFiles files(root.base / "web");
    BOOST_TEST(files.serve("/intents/intent-1").body == "<html>index</html>");
    BOOST_TEST(refused(files, "/assets/missing.js"));
}

BOOST_AUTO_TEST_CASE(traversal_and_escaping_symlinks_are_refused) {
    const WebRoot root;
    const StaticFiles files(root.base / "web");
    for (const std::string path : {"/../secret.txt",
                                   "/assets/../../secret.txt",
                                   "/%2e%2e/secret.txt",
                                   "/assets%2f..%2f..%2fsecret.txt",
                                   "/..%5csecret.txt",
                                   "/link.txt",
                                   "/api/x.js",
                                   "/a%00.js"}) {
        BOOST_TEST(refused(files, path), path);
    }
}

BOOST_AUTO_TEST_SUITE_END()
