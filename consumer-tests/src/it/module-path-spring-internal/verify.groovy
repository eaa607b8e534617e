def log = new File(basedir, 'build.log').text
assert log.contains('package dev.safeguards.spring.internal is not visible') :
    'the build failed for another reason than the internal package'
return true
